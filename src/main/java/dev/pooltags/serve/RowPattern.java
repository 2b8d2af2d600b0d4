package dev.pooltags.serve;

import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.TagFormatException;
import dev.pooltags.tag.TagPattern;
import java.util.regex.Pattern;

/**
 * A pattern naming rows for the cardinality options: for pool-tag rows it is a PoolMon tag pattern
 * ({@link TagPattern}: {@code Ntf*}, {@code Io}, {@code ?}); for named rows (Linux slab caches such as
 * {@code kmalloc-64}) the same {@code *} and {@code ?} match the whole name. A pattern longer than a tag (such as
 * {@code kmalloc-*}) matches names only.
 *
 * @param text        the pattern as given
 * @param tagPattern  the pattern read as a tag pattern, or null when it is not one (it can still name slab caches)
 * @param namePattern the pattern over a whole row name
 */
public record RowPattern(String text, TagPattern tagPattern, Pattern namePattern) {
    /** Reads a pattern; an empty one is a {@link TagFormatException}. */
    public static RowPattern parse(String text) {
        if (text.isEmpty()) {
            throw new TagFormatException("an empty tag pattern: use * to match every tag");
        }
        TagPattern tp;
        try {
            tp = TagPattern.parse(text);
        } catch (TagFormatException e) {
            tp = null; // not a tag pattern: it can still name slab caches
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new RowPattern(text, tp, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    public boolean matches(TagCounters.RowKey key) {
        if (key.tag() != null) {
            return tagPattern != null && tagPattern.matches(key.tag());
        }
        return namePattern.matcher(key.name()).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
