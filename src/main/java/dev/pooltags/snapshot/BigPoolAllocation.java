package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.Comparator;
import java.util.Objects;

/**
 * One allocation of the kernel's big-pool table: an allocation of a page or more, which the kernel tracks one by one
 * (SystemBigPoolInformation; WinDbg's {@code !poolfind} searches the same table, System Informer shows it as its
 * big-pool view).
 *
 * @param address the allocation's virtual address
 * @param type    paged or nonpaged
 * @param bytes   its size
 * @param tag     its pool tag
 */
public record BigPoolAllocation(long address, PoolType type, long bytes, PoolTag tag) {
    /** Largest first, then by address: the order of a big-pool list. */
    public static final Comparator<BigPoolAllocation> LARGEST_FIRST = Comparator.comparingLong(BigPoolAllocation::bytes).reversed()
            .thenComparing(BigPoolAllocation::address, Long::compareUnsigned);

    public BigPoolAllocation {
        Objects.requireNonNull(type);
        Objects.requireNonNull(tag);
    }

    /** The address as a disassembler writes it: {@code 0xFFFFA00012340000}. */
    public String addressText() {
        return String.format("0x%X", address);
    }
}
