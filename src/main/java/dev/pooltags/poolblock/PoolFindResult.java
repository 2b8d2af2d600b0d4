package dev.pooltags.poolblock;

import dev.pooltags.tag.PoolTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The blocks one tag search found: a {@code !poolfind} command's hits (both the old {@code size: ... previous size:}
 * layout and the current {@code ADDRESS : tag Proc, size 0x140, Nonpaged pool} layout), or the blocks a dump reader
 * found carrying a tag.
 *
 * @param query     what was asked, as typed ({@code SeSd 0}, {@code -tag Proc -nonpaged}); for a dump, a description
 * @param tag       the tag searched for, when the query names one exactly (a {@code !poolfind} tag may hold {@code ?})
 * @param searched  the ranges searched, in order
 * @param hits      the blocks found, in the order listed
 * @param cut       true when the listing was shortened ({@code ......}) or interrupted: more blocks exist than listed
 * @param stoppedAt where the search stopped early ({@code ...terminating - searched pool to ADDRESS}), when it did
 * @param origin    where the command (or the search) starts
 */
public record PoolFindResult(String query, Optional<PoolTag> tag, List<SearchedRange> searched, List<PoolBlock> hits, boolean cut,
        OptionalLong stoppedAt, Origin origin) {
    public PoolFindResult {
        Objects.requireNonNull(query);
        Objects.requireNonNull(tag);
        searched = List.copyOf(searched);
        hits = List.copyOf(hits);
        Objects.requireNonNull(stoppedAt);
        Objects.requireNonNull(origin);
    }

    /** True when the search covered what it set out to: not stopped early and not shortened. */
    public boolean complete() {
        return !cut && stoppedAt.isEmpty();
    }
}
