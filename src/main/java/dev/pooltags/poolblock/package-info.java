/**
 * Pool blocks as the debugger and crash dumps show them: the shared model of what WinDbg's {@code !pool ADDRESS}
 * and {@code !poolfind TAG} print and of what a dump reader finds in captured memory.
 *
 * <ul>
 *   <li>{@link dev.pooltags.poolblock.PoolBlock}: one block (address, size, previous size, tag, allocated or free,
 *       pool, kind: a small block behind a pool header, a big-pool allocation, a special-pool allocation) and
 *       {@link dev.pooltags.poolblock.Origin}, where it was read (a line of a log, or a byte offset in a dump);</li>
 *   <li>{@link dev.pooltags.poolblock.PoolPage}: the blocks of one pool page as {@code !pool} lists them, with
 *       the marked block and the owner line the debugger printed for it;</li>
 *   <li>{@link dev.pooltags.poolblock.PoolFindResult}: the hits of one {@code !poolfind} (or of a dump search for a
 *       tag), the ranges searched and whether the search ran to its end;</li>
 *   <li>{@link dev.pooltags.poolblock.BlockSummary}: a pure summary of many blocks (counts, sizes histogram, blocks
 *       grouped by page) that the reports print.</li>
 * </ul>
 *
 * Records only: no I/O, no parsing. The readers live with their sources ({@code dev.pooltags.debugger} for logs),
 * the renderers in {@code dev.pooltags.report} ({@code PoolBlockText}, {@code PoolBlockJson}). Numbers are kept as the
 * source printed them (sizes in bytes, addresses as unsigned 64-bit values); what the source did not show is empty,
 * never guessed.
 */
package dev.pooltags.poolblock;
