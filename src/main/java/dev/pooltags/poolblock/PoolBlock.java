package dev.pooltags.poolblock;

import dev.pooltags.tag.PoolTag;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One pool block as a debugger command or a crash dump shows it.
 *
 * <p>What each number means depends on {@link #kind()}: for a {@link BlockKind#SMALL} block the address is the pool
 * header's and the size includes the header (what {@code !pool} prints after {@code size:}); for a
 * {@link BlockKind#LARGE} block the address is the first page and the size what the big pool table records; for a
 * {@link BlockKind#SPECIAL} block the address is the special-pool page and {@link #dataAddress()} what the driver was
 * given. Sizes are bytes. Addresses are unsigned 64-bit values (32-bit addresses fit unchanged).
 *
 * <p>The tag keeps the {@code PROTECTED_POOL} bit when the source showed it ({@code Proc (Protected)}). WinDbg prints
 * each byte that is not printable as {@code .}, so a tag such as {@code Pro.} (a free block whose fourth byte has the
 * protected bit) or {@code ....} cannot be read back exactly: such tags are kept as printed with
 * {@link #tagMasked()} set, and {@link #matches(PoolTag)} lets a {@code .} stand for any unprintable byte.
 *
 * @param address      the block's address (see above)
 * @param size         the block's size in bytes as the source reports it (see above)
 * @param previousSize the size of the block before it in the page, when the source shows it (small blocks only)
 * @param tag          the pool tag, protected bit included when the source showed it
 * @param tagMasked    true when the source printed unprintable tag bytes as {@code .}, so the tag is not exact
 * @param state        allocated, free, or not shown
 * @param pool         the pool the block is in, {@link PoolRegion#UNKNOWN} when the source does not say
 * @param kind         small (behind a pool header), large (big pool table) or special pool
 * @param dataAddress  the address the driver was given, when the source shows it (special pool)
 * @param process      the process charged with the block's quota, when the source shows it ({@code Process: ...})
 * @param origin       where the block was read
 */
public record PoolBlock(long address, long size, OptionalLong previousSize, PoolTag tag, boolean tagMasked, BlockState state,
        PoolRegion pool, BlockKind kind, OptionalLong dataAddress, OptionalLong process, Origin origin) {

    /** Pool pages are 4 KiB on x86, x64 and ARM64. */
    public static final long PAGE_SIZE = 0x1000;

    public PoolBlock {
        Objects.requireNonNull(previousSize);
        Objects.requireNonNull(tag);
        Objects.requireNonNull(state);
        Objects.requireNonNull(pool);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(dataAddress);
        Objects.requireNonNull(process);
        Objects.requireNonNull(origin);
        if (size < 0) {
            throw new IllegalArgumentException("a block size is 0 or more, not " + size);
        }
        if (previousSize.isPresent() && previousSize.getAsLong() < 0) {
            throw new IllegalArgumentException("a previous size is 0 or more, not " + previousSize.getAsLong());
        }
    }

    /** A small block behind a pool header, as {@code !pool} and the old {@code !poolfind} list it. */
    public static PoolBlock small(long address, long size, long previousSize, PoolTag tag, boolean tagMasked, BlockState state,
            PoolRegion pool, Origin origin) {
        return new PoolBlock(address, size, OptionalLong.of(previousSize), tag, tagMasked, state, pool, BlockKind.SMALL,
                OptionalLong.empty(), OptionalLong.empty(), origin);
    }

    /** A big-pool allocation. */
    public static PoolBlock large(long address, long size, PoolTag tag, boolean tagMasked, BlockState state, PoolRegion pool,
            Origin origin) {
        return new PoolBlock(address, size, OptionalLong.empty(), tag, tagMasked, state, pool, BlockKind.LARGE,
                OptionalLong.empty(), OptionalLong.empty(), origin);
    }

    /** The same block with the quota-charged process set. */
    public PoolBlock withProcess(long processAddress) {
        return new PoolBlock(address, size, previousSize, tag, tagMasked, state, pool, kind, dataAddress,
                OptionalLong.of(processAddress), origin);
    }

    /** The same block in another pool (a page's region, learned after its blocks were read). */
    public PoolBlock withPool(PoolRegion region) {
        return new PoolBlock(address, size, previousSize, tag, tagMasked, state, region, kind, dataAddress, process, origin);
    }

    /** True when the tag has the PROTECTED_POOL bit. */
    public boolean isProtected() {
        return tag.isProtected();
    }

    /** The first address after the block (unsigned arithmetic). */
    public long end() {
        return address + size;
    }

    /** The 4 KiB page the block starts in. */
    public long page() {
        return address & ~(PAGE_SIZE - 1);
    }

    /** True when the address lies inside the block: {@code address <= a < end}, unsigned. */
    public boolean contains(long a) {
        return Long.compareUnsigned(a, address) >= 0 && Long.compareUnsigned(a, end()) < 0;
    }

    /**
     * True when this block can carry {@code query}, as {@code !poolfind} matches: the protected bit is ignored on both
     * sides, and in a {@linkplain #tagMasked() masked} tag a {@code .} matches the same byte or any unprintable byte.
     */
    public boolean matches(PoolTag query) {
        int q = query.unprotected().value();
        return matchesValue(q) || matchesValue(q | PoolTag.PROTECTED_BIT);
    }

    private boolean matchesValue(int q) {
        int t = tag.value();
        if ((t & ~PoolTag.PROTECTED_BIT) == (q & ~PoolTag.PROTECTED_BIT)) {
            return true;
        }
        if (!tagMasked) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            int tb = t >>> (8 * i) & 0xFF;
            int qb = q >>> (8 * i) & 0xFF;
            if (tb == qb || tb == '.' && (qb < 0x20 || qb > 0x7E)) {
                continue;
            }
            return false;
        }
        return true;
    }
}
