package dev.pooltags.tag;

import java.util.List;

/**
 * PoolMon's {@code /i} and {@code /x} together: a tag is shown when it matches any include pattern (or there are
 * none) and no exclude pattern.
 */
public record TagFilter(List<TagPattern> include, List<TagPattern> exclude) {
    public static final TagFilter ALL = new TagFilter(List.of(), List.of());

    public TagFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean accepts(PoolTag tag) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matches(tag))) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matches(tag));
    }
}
