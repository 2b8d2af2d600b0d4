package dev.pooltags.tagdb;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagFormatException;
import dev.pooltags.tag.TagPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers what the user typed: a tag (memory order, {@code 'literal'}, hex) or a pattern ({@code Ntf*}). Pure:
 * the database is given, nothing is read or printed here.
 */
public final class TagLookup {
    private TagLookup() {}

    /** How the query was read. */
    public enum Form {
        MEMORY_TEXT("memory order, as PoolMon prints it"),
        CHAR_LITERAL("C character literal"),
        HEX("hex value"),
        PATTERN("pattern");

        private final String description;

        Form(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The answer to one query.
     *
     * @param query   what was typed
     * @param form    how it was read
     * @param tag     the tag (null for a pattern)
     * @param pattern the pattern (null for a tag)
     * @param matches owners of the tag, exact first; for a pattern, the entries it lists
     * @param hints   what to try next when nothing was found
     */
    public record Answer(String query, Form form, PoolTag tag, TagPattern pattern, List<TagMatch> matches,
            List<String> hints) {
        public Answer {
            matches = List.copyOf(matches);
            hints = List.copyOf(hints);
        }

        public boolean found() {
            return !matches.isEmpty();
        }
    }

    /**
     * Answers one query.
     *
     * @throws TagFormatException when the query is neither a tag nor a pattern
     */
    public static Answer answer(TagDatabase db, String query) {
        if (!PoolTag.looksLikeHex(query) && !(query.startsWith("'") && query.endsWith("'") && query.length() >= 2)
                && (query.indexOf('*') >= 0 || query.indexOf('?') >= 0)) {
            TagPattern p = TagPattern.parse(query);
            List<TagMatch> m = new ArrayList<>();
            for (TagEntry e : db.list(p)) {
                m.add(new TagMatch(e, e.isWildcard() ? TagMatch.Kind.WILDCARD : TagMatch.Kind.EXACT));
            }
            List<String> hints = m.isEmpty()
                    ? List.of("no tag in the tag files matches '" + query + "' (patterns are case-sensitive, as in PoolMon)")
                    : List.of();
            return new Answer(query, Form.PATTERN, null, p, m, hints);
        }
        Form form = PoolTag.looksLikeHex(query) ? Form.HEX
                : query.length() >= 2 && query.startsWith("'") && query.endsWith("'") ? Form.CHAR_LITERAL
                : Form.MEMORY_TEXT;
        PoolTag tag = PoolTag.parse(query);
        List<TagMatch> matches = db.lookup(tag);
        List<String> hints = new ArrayList<>();
        if (matches.isEmpty()) {
            if (db.files().isEmpty()) {
                hints.add("no tag file is loaded: name one with --tagfile");
            } else {
                hints.add("no entry in " + db.files().size() + (db.files().size() == 1 ? " tag file" : " tag files")
                        + " names '" + tag.memoryText() + "'");
            }
            if (form == Form.MEMORY_TEXT) {
                PoolTag reversed = PoolTag.ofValue(Integer.reverseBytes(tag.unprotected().value()));
                if (!reversed.equals(tag)) {
                    List<TagMatch> r = db.lookup(reversed);
                    String known = r.isEmpty() ? "" : " (known: " + r.get(0).entry().binary() + ", "
                            + r.get(0).entry().description() + ")";
                    hints.add("if you copied '" + query + "' from a C character literal, PoolMon shows that tag as '"
                            + reversed.memoryText() + "'" + known + "; a shell drops quotes, so pass \"'" + query
                            + "'\" to read it as a character literal");
                }
            }
            String arg = tag.memoryText().indexOf(' ') >= 0 || tag.memoryText().indexOf('\\') >= 0
                    ? "'" + tag.memoryText() + "'" : tag.memoryText();
            hints.add("find the driver that uses it: pooltags who " + arg + " --drivers DIR (reads the drivers' code for"
                    + " pool calls with this tag; on Windows DIR defaults to %SystemRoot%\\System32\\drivers)");
        }
        return new Answer(query, form, tag, null, matches, hints);
    }
}
