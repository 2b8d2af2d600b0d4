package dev.pooltags.pool;

/**
 * How many bytes a block takes, which is what the per-tag byte counters charge.
 *
 * <p>In the pool that {@code SystemPoolTagInformation} describes (Windows 7 to 8.1, and the small-block pool of later
 * versions), a block below a page carries a pool header ({@code _POOL_HEADER}, 16 bytes on x64, 8 on x86) and is
 * rounded up to the pool's granularity, which is also the alignment
 * <a href="https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepoolwithtag">ExAllocatePoolWithTag</a>
 * documents: "aligned to 8-byte boundaries in 32-bit systems and to 16-byte boundaries in 64-bit systems". An
 * allocation that does not fit in a page with its header comes from the big-page allocator, page-aligned ("If
 * NumberOfBytes is PAGE_SIZE or greater, a page-aligned buffer is allocated"), and is charged whole pages.
 *
 * <p>The real per-tag snapshot in {@code ../shared/data/snapshots} agrees on the granularity: every row with
 * allocations outstanding has a byte count that is a multiple of 16. Windows 10's segment heap charges some large
 * blocks in 16-byte units rather than whole pages (rows such as 16,496 bytes for one allocation); the model keeps the
 * page rounding of the classic pool.
 */
public record PoolGeometry(String name, int headerBytes, int granularity, int pageSize) {
    /** 64-bit Windows: 16-byte header and granularity, 4 KiB pages. */
    public static final PoolGeometry X64 = new PoolGeometry("x64", 16, 16, 4096);
    /** 32-bit Windows: 8-byte header and granularity. */
    public static final PoolGeometry X86 = new PoolGeometry("x86", 8, 8, 4096);

    /** True when the allocation comes from the big-page allocator. */
    public boolean isBig(long size) {
        return size > pageSize - headerBytes;
    }

    /** Bytes charged to the tag: header plus rounding below a page, whole pages above. */
    public long charged(long size) {
        return isBig(size) ? roundUp(size, pageSize) : roundUp(size + headerBytes, granularity);
    }

    /** {@code value} rounded up to a multiple of {@code unit} (a power of two). */
    public static long roundUp(long value, long unit) {
        return (value + unit - 1) & -unit;
    }

    /** By name: x64 or x86. */
    public static PoolGeometry byName(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "x64", "amd64", "arm64" -> X64;
            case "x86", "i386" -> X86;
            default -> throw new IllegalArgumentException("'" + name + "' is not a pool geometry (x64 or x86)");
        };
    }
}
