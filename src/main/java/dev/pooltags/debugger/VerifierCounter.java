package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One of Driver Verifier's global counters as listed ({@code Pool Allocations Succeeded SpecialPool 0x7b058},
 * {@code Current nonpaged pool allocations 0xe3 for 00046110 bytes}).
 *
 * @param name   the counter's name as printed
 * @param value  its value
 * @param bytes  the byte count printed with it ({@code for N bytes}), when there is one
 * @param origin its line
 */
public record VerifierCounter(String name, long value, OptionalLong bytes, Origin origin) {
    public VerifierCounter {
        Objects.requireNonNull(name);
        Objects.requireNonNull(bytes);
        Objects.requireNonNull(origin);
    }
}
