package dev.pooltags.serve;

import dev.pooltags.snapshot.TagCounters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rows become Prometheus series, so that a host with thousands of tags does not export tens of thousands
 * of series by surprise. Every row still counts in the pool totals; only the per-tag series are limited.
 *
 * <ol>
 *   <li>A row matching an {@code exclude} pattern is never exported.</li>
 *   <li>A row matching an {@code always} pattern is always exported (unless excluded), whatever its size.</li>
 *   <li>Of the other rows, those matching an {@code include} pattern (every row when there is none) compete for
 *       {@code top} places by bytes outstanding, largest first, ties in tag order. {@code top = 0} exports them
 *       all.</li>
 * </ol>
 *
 * <p>Paged and nonpaged rows of one tag are separate rows and compete separately.
 *
 * @param include patterns a row must match to compete for the top places (none: every row)
 * @param exclude patterns of rows never exported
 * @param top     how many rows to export by bytes, 0 for all
 * @param always  patterns of rows exported whatever their rank
 */
public record CardinalityLimit(List<RowPattern> include, List<RowPattern> exclude, int top, List<RowPattern> always) {
    /** The default: the 100 largest rows. */
    public static final int DEFAULT_TOP = 100;

    public CardinalityLimit {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        always = List.copyOf(always);
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 (all) or more");
        }
    }

    /** Every row, no limit. */
    public static CardinalityLimit all() {
        return new CardinalityLimit(List.of(), List.of(), 0, List.of());
    }

    /** The keys of the rows to export. */
    public Set<TagCounters.RowKey> select(List<TagCounters> rows) {
        Set<TagCounters.RowKey> out = new HashSet<>();
        List<TagCounters> competing = new ArrayList<>();
        for (TagCounters r : rows) {
            TagCounters.RowKey k = r.key();
            if (any(exclude, k)) {
                continue;
            }
            if (any(always, k)) {
                out.add(k);
            } else if (include.isEmpty() || any(include, k)) {
                competing.add(r);
            }
        }
        if (top > 0 && competing.size() > top) {
            competing.sort(Comparator.comparingLong(TagCounters::bytes).reversed()
                    .thenComparing(TagCounters::key));
            competing = competing.subList(0, top);
        }
        for (TagCounters r : competing) {
            out.add(r.key());
        }
        return out;
    }

    private static boolean any(List<RowPattern> patterns, TagCounters.RowKey k) {
        for (RowPattern p : patterns) {
            if (p.matches(k)) {
                return true;
            }
        }
        return false;
    }
}
