package dev.pooltags.poolblock;

/**
 * How a block is laid out, which says what its address and size mean.
 */
public enum BlockKind {
    /**
     * A block inside a pool page behind a pool header ({@code _POOL_HEADER}: 8 bytes on 32-bit Windows, 16 on 64-bit):
     * the address is the header's, the size includes the header, and the previous size is the size of the block
     * before it in the page (0 for the first). This is {@code !pool}'s {@code size: ... previous size: ...} line.
     */
    SMALL,
    /**
     * A big-pool allocation (one or more whole pages, from the big pool table, no header): the address is the page
     * where it starts and the size is what the table records. {@code !pool} prints it as
     * {@code large page allocation, tag is ..., size is ... bytes}; {@code !poolfind} lists it under
     * {@code Scanning large pool allocation table}.
     */
    LARGE,
    /**
     * A special-pool allocation (Driver Verifier or GFlags special pool): its own page followed or preceded by a guard
     * page; {@code !pool} prints {@code size: ... data: ADDRESS (NonPaged)}, where the data address is what the
     * driver got.
     */
    SPECIAL
}
