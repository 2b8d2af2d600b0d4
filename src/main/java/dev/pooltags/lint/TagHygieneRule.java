package dev.pooltags.lint;

import dev.pooltags.core.Severity;
import dev.pooltags.project.Project;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * PT008: tags that are not four printable characters, tags written in the order they are meant to read (so PoolMon
 * shows them reversed), and tags that collide with a Pooltag.txt entry or with another driver in the same scan.
 * Reported once per tag definition (or literal), where the tag is written.
 */
public final class TagHygieneRule extends Rule {
    public TagHygieneRule() {
        super("PT008");
    }

    private record Use(Project project, Location where, String text) {
    }

    /** The first use of each tag by each project, from every file (the first in file order, whatever the threads). */
    private static final class State {
        final Map<Integer, Map<String, Use>> byTag = new java.util.concurrent.ConcurrentHashMap<>();
    }

    @Override
    public void check(LintContext ctx, Consumer<Finding> out) {
        Map<Integer, Map<String, Use>> byTag = ctx.state(this, State::new).byTag;
        for (Call c : ctx.taggedAllocations()) {
            Value v = ctx.tag(c);
            if (!v.known()) {
                continue;
            }
            PoolTag tag = PoolTag.ofValue(v.tag());
            PoolTag plain = tag.unprotected();
            if (plain.value() == 0 || !plain.hasLetterOrDigit()) {
                continue; // PT002
            }
            Arg a = c.arg(c.routine().tagArg());
            Location where = v.named() != null ? v.named().where() : a.where();
            String name = v.named() != null ? v.named().name() : a.text();
            if (v.literal() != null && v.chars() != 4) {
                out.accept(finding(where, (v.named() != null ? name + " is the " : "the ") + v.chars()
                        + "-character literal " + v.literal().text() + ": a tag has four; PoolMon shows it as "
                        + quoted(plain)));
            } else if (!plain.isPrintable()) {
                out.accept(finding(where, name + " (" + tag.hexText() + ") has bytes that are not printable: PoolMon shows "
                        + quoted(plain)));
            } else if (v.literal() != null) {
                readingOrder(v, where, name, plain, out);
            }
            TagEntry[] known = ctx.tagDatabase().exact(plain);
            Project p = ctx.project(c);
            if (known.length > 0 && !ownEntry(known[0], p) && (p == null || !p.library())) {
                TagEntry e = known[0];
                boolean unnamed = e.binary().isEmpty() || e.binary().equals("<unknown>");
                out.accept(new Finding(id(), Severity.NOTE, where, name + " (" + quoted(plain) + ") is already listed in "
                        + e.source().file() + " line " + e.source().line()
                        + (unnamed ? "" : " for " + e.binary())
                        + (e.description().isEmpty() ? "" : " (" + e.description() + ")")
                        + (unnamed ? ": PoolMon and !poolused will show that description for it"
                                : ": PoolMon and !poolused will name that owner"), null, List.of(), false));
            }
            if (p != null && !c.inDefinition() && !p.library()) {
                byTag.computeIfAbsent(plain.value(), k -> new java.util.concurrent.ConcurrentHashMap<>())
                        .merge(p.id(), new Use(p, where, name), (x, y) -> x.where().compareTo(y.where()) <= 0 ? x : y);
            }
        }
    }

    @Override
    public void finish(LintContext ctx, Consumer<Finding> out) {
        Map<Integer, Map<String, Use>> byTag = new TreeMap<>(ctx.state(this, State::new).byTag);
        java.util.Set<Location> reported = new java.util.HashSet<>();
        for (Map.Entry<Integer, Map<String, Use>> e : byTag.entrySet()) {
            List<Use> uses = new ArrayList<>(e.getValue().values());
            uses.sort(java.util.Comparator.comparing(Use::where).thenComparing(u -> u.project().id()));
            if (uses.size() < 2) {
                continue;
            }
            Map<Location, Integer> perPlace = new java.util.HashMap<>();
            for (Use u : uses) {
                perPlace.merge(u.where(), 1, Integer::sum);
            }
            PoolTag t = PoolTag.ofValue(e.getKey());
            for (Use u : uses) {
                // another driver that writes the tag somewhere else: one header shared by several projects is the
                // same code built twice, not a collision
                int total = uses.size() - perPlace.get(u.where());
                if (total == 0 || !reported.add(u.where())) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                List<Finding.Related> rel = new ArrayList<>();
                for (Use o : uses) {
                    if (o == u || o.where().equals(u.where())) {
                        continue;
                    }
                    names.add(o.project().name());
                    rel.add(new Finding.Related(o.where(), "also used by " + o.project().name() + " (" + o.project().id() + ")"));
                    if (rel.size() == MAX_RELATED) {
                        break;
                    }
                }
                out.accept(new Finding(id(), Severity.NOTE, u.where(), u.text() + " (" + quoted(t) + ") is also used by "
                        + String.join(", ", names.subList(0, Math.min(3, names.size())))
                        + (total > 3 ? " and " + (total - 3) + " more" : "")
                        + " in this scan: their pool usage cannot be told apart", null, rel, false));
            }
        }
    }

    /** Related places listed for a collision; the message counts the rest. */
    private static final int MAX_RELATED = 5;

    private static String quoted(PoolTag t) {
        String m = t.memoryText();
        return m.indexOf(' ') >= 0 || m.indexOf('\\') >= 0 ? "'" + m + "'" : m;
    }

    /**
     * True when the entry is this project's own: it names the project's binary, or names no binary and its
     * description names the project (in-box drivers published as samples are listed in Pooltag.txt).
     */
    private static boolean ownEntry(TagEntry e, Project p) {
        if (p == null) {
            return false;
        }
        String own = p.name().toLowerCase(Locale.ROOT);
        if ((e.binary().isEmpty() || e.binary().equals("<unknown>"))
                && java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(own) + "\\b")
                        .matcher(e.description().toLowerCase(Locale.ROOT)).find()) {
            return true;
        }
        for (String part : e.binary().toLowerCase(Locale.ROOT).split("[\\s,;/]+")) {
            String base = part.endsWith(".sys") ? part.substring(0, part.length() - 4) : part;
            if (base.equals(own)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A literal written in the order it is meant to read: its padding spaces are at the end ('Io  ' shows as "  oI"),
     * or the constant's name spells it in source order ({@code POOL_TAG_SAMP 'Samp'} shows as pmaS). Drivers often
     * reverse tags on purpose ('Rncs' for scnR), so the characters alone are no evidence.
     */
    private void readingOrder(Value v, Location where, String name, PoolTag plain, Consumer<Finding> out) {
        String lit = v.literal().text();
        if (!lit.startsWith("'") || lit.length() != 6) {
            return;
        }
        String src = lit.substring(1, 5);
        String mem = new StringBuilder(src).reverse().toString();
        if (src.equals(mem)) {
            return;
        }
        boolean paddedAtEnd = src.charAt(0) != ' ' && src.charAt(3) == ' ';
        String upperName = v.named() == null ? "" : v.named().name().toUpperCase(Locale.ROOT);
        boolean namedInSourceOrder = !upperName.isEmpty() && src.trim().length() >= 3
                && upperName.contains(src.trim().toUpperCase(Locale.ROOT))
                && !upperName.contains(mem.trim().toUpperCase(Locale.ROOT));
        if (!paddedAtEnd && !namedInSourceOrder) {
            return;
        }
        String reversed = new StringBuilder(src).reverse().toString();
        Location lit0 = Location.of(v.literalFile(), v.literal());
        String subject = v.named() != null ? name + " ('" + src + "')" : "the tag '" + src + "'";
        out.accept(new Finding(id(), Severity.NOTE, where, subject + " shows in PoolMon and WinDbg as " + quoted(plain)
                + "; write '" + reversed + "' if it should read '" + src + "'",
                Fix.replace("Reverse the literal so the tag reads '" + src + "'", lit0, lit, "'" + reversed + "'"),
                List.of(), false));
    }
}
