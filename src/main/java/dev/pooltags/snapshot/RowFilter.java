package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import dev.pooltags.tag.TagPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which rows to show: PoolMon's {@code /i} (include) and {@code /x} (exclude) patterns, applied to tags as
 * {@link TagPattern}s and to named rows (Linux slab caches) as globs on the whole name ({@code kmalloc-*}). A row
 * is kept when it matches an include pattern (or there are none) and no exclude pattern.
 */
public final class RowFilter {
    public static final RowFilter ALL = new RowFilter(List.of(), List.of());

    private record Compiled(String text, TagPattern tag, Pattern name) {
        boolean matches(TagCounters r) {
            return r.tag() != null ? tag != null && tag.matches(r.tag()) : name.matcher(r.name()).matches();
        }
    }

    private final List<Compiled> include;
    private final List<Compiled> exclude;

    public RowFilter(List<String> include, List<String> exclude) {
        this.include = compile(include);
        this.exclude = compile(exclude);
    }

    private static List<Compiled> compile(List<String> patterns) {
        List<Compiled> out = new ArrayList<>();
        for (String p : patterns) {
            TagPattern tag;
            try {
                tag = TagPattern.parse(p);
            } catch (TagFormatException e) {
                tag = null; // longer than a tag: it can only match names
            }
            out.add(new Compiled(p, tag, glob(p)));
        }
        return out;
    }

    /** A glob ({@code *}, {@code ?}) as a regular expression over the whole name. */
    static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    public boolean accepts(TagCounters r) {
        if (!include.isEmpty() && include.stream().noneMatch(c -> c.matches(r))) {
            return false;
        }
        return exclude.stream().noneMatch(c -> c.matches(r));
    }

    /** True when a tag would be shown (for callers that have a tag but no row). */
    public boolean accepts(PoolTag tag) {
        return accepts(TagCounters.of(tag, PoolType.PAGED, 0, 0, 0));
    }

    public boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
