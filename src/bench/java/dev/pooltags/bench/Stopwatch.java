package dev.pooltags.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Timing for the {@code bench} commands: warm up, then take the median of several timed rounds, so a baseline
 * and the measured work run under the same conditions in the same JVM. The result of each round is consumed
 * so the JIT cannot drop the work.
 */
public final class Stopwatch {
    private static volatile long sink;

    private Stopwatch() {}

    /** Median nanoseconds of one call of {@code work} over {@code rounds} rounds after {@code warmup} calls. */
    public static long medianNanos(int warmup, int rounds, LongSupplier work) {
        return sortedRounds(warmup, rounds, work)[rounds / 2];
    }

    /**
     * Fastest round, in nanoseconds: on a shared machine other processes only ever add time, so the minimum is
     * the steadiest estimate of the work's own cost. Use it for both sides of a ratio.
     */
    public static long bestNanos(int warmup, int rounds, LongSupplier work) {
        return sortedRounds(warmup, rounds, work)[0];
    }

    private static long[] sortedRounds(int warmup, int rounds, LongSupplier work) {
        for (int i = 0; i < warmup; i++) {
            sink += work.getAsLong();
        }
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            sink += work.getAsLong();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t;
    }
}
