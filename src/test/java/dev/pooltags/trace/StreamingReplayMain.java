package dev.pooltags.trace;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.replay.TraceAnalysis;
import dev.pooltags.replay.TraceReplay;
import dev.pooltags.tag.PoolTag;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replays {@code events} generated events holding {@code outstanding} allocations, without ever holding the events:
 * run in a small heap, it shows the replay's memory follows the outstanding allocations, not the trace length.
 */
public final class StreamingReplayMain {
    private StreamingReplayMain() {}

    public static void main(String[] args) {
        long events = Long.parseLong(args[0]);
        int outstanding = Integer.parseInt(args[1]);
        PoolTag[] tags = {PoolTag.parse("NfRx"), PoolTag.parse("MmSt"), PoolTag.parse("File")};
        SplittableRandom r = new SplittableRandom(7);
        long[] live = new long[outstanding];
        int[] n = {0};
        long[] next = {0x1000};
        TraceReader reader = new TraceReader() {
            long i;

            @Override
            public PoolEvent next() {
                if (i == events) {
                    return null;
                }
                i++;
                if (n[0] == outstanding || (n[0] > 0 && r.nextBoolean() && i > outstanding)) {
                    int k = r.nextInt(n[0]);
                    long a = live[k];
                    live[k] = live[--n[0]];
                    return new PoolEvent.Free(i, FreeRoutine.UNKNOWN, null, a, "", "", i);
                }
                long a = next[0] += 0x40;
                live[n[0]++] = a;
                return new PoolEvent.Alloc(i, AllocRoutine.UNKNOWN, WindowsPoolType.NON_PAGED_POOL_NX, 0, tags[(int) (i % 3)], 100, a, "d.sys",
                        "d!Site", null, i);
            }

            @Override
            public String format() {
                return "generated";
            }

            @Override
            public Map<String, String> info() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
        TraceAnalysis a = TraceReplay.run("generated", sink -> reader, TraceReplay.Options.defaults());
        System.out.println("events " + a.counts().events() + " outstanding " + a.outstandingCount() + " generated " + n[0]);
    }
}
