package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.pool.PoolConfig;
import dev.pooltags.replay.LifetimeClass;
import dev.pooltags.replay.TraceAnalysis;
import dev.pooltags.replay.TraceReplay;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceReplayTest {
    private static final long S = 1_000_000;

    private static PoolEvent.Alloc alloc(long t, String tag, long size, long address, String caller) {
        return new PoolEvent.Alloc(t, AllocRoutine.UNKNOWN, WindowsPoolType.NON_PAGED_POOL_NX, 0, PoolTag.parse(tag), size, address, "d.sys",
                caller, null, t / 1000 + 1);
    }

    private static PoolEvent.Free free(long t, long address) {
        return new PoolEvent.Free(t, FreeRoutine.UNKNOWN, null, address, "", "", t / 1000 + 1);
    }

    private static TraceAnalysis replay(List<PoolEvent> events, long from, long to, int maxListed, boolean complete) {
        return TraceReplay.run("test", sink -> new ListReader(events, complete),
                new TraceReplay.Options(PoolConfig.defaults(), from, to, maxListed, List.of()));
    }

    @Test
    @DisplayName("WPA's lifetime classes for a window: AIFI, AIFO, AOFI (incl. blocks from before the trace), AOFO")
    void lifetimeClasses() {
        List<PoolEvent> e = List.of(alloc(1 * S, "AAAA", 10, 0xA0, ""), alloc(2 * S, "BBBB", 20, 0xB0, ""), free(3 * S, 0xA0),
                alloc(4 * S, "EEEE", 50, 0xE0, ""), free((long) (4.5 * S), 0xF00D), alloc(5 * S, "CCCC", 30, 0xC0, ""), free(6 * S, 0xC0),
                alloc(7 * S, "DDDD", 40, 0xD0, ""), free(8 * S, 0xB0));
        TraceAnalysis a = replay(e, (long) (2.5 * S), (long) (6.5 * S), 100, false);
        TraceAnalysis.Lifetimes l = a.lifetimes();
        assertThat(l.counts()).containsEntry(LifetimeClass.AIFI, 1L).containsEntry(LifetimeClass.AIFO, 1L)
                .containsEntry(LifetimeClass.AOFI, 2L).containsEntry(LifetimeClass.AOFO, 1L);
        assertThat(l.bytes()).containsEntry(LifetimeClass.AIFI, 30L).containsEntry(LifetimeClass.AIFO, 50L)
                .containsEntry(LifetimeClass.AOFI, 10L).containsEntry(LifetimeClass.AOFO, 20L);
        assertThat(a.problemsByKind()).containsEntry("unknown-free", 1L);
        assertThat(a.outstandingCount()).isEqualTo(2);
    }

    /**
     * A synthetic hour of three groups with Poisson arrivals and exponential lifetimes: a steady churn, the same churn
     * leaking 2% of its allocations, and a cache that fills in the first ten minutes and then replaces entries.
     */
    private static List<PoolEvent> mixed(long seed) {
        Random r = new Random(seed);
        List<PoolEvent> out = new ArrayList<>();
        PriorityQueue<long[]> frees = new PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
        ArrayDeque<Long> cache = new ArrayDeque<>();
        long next = 0x1000;
        long end = 3600 * S;
        for (long t = 0; t < end; t += 10_000) { // 100 ticks a second
            while (!frees.isEmpty() && frees.peek()[0] <= t) {
                out.add(free(t, frees.poll()[1]));
            }
            if (r.nextDouble() < 0.2) { // 20 a second, 300 ms lifetime
                long a = next += 0x40;
                out.add(alloc(t, "Chrn", 100, a, "d!Churn"));
                frees.add(new long[] {t + (long) (-300_000 * Math.log(1 - r.nextDouble())), a});
            }
            if (r.nextDouble() < 0.2) {
                long a = next += 0x40;
                out.add(alloc(t, "Leak", 200, a, "d!Leaky"));
                if (r.nextDouble() >= 0.02) {
                    frees.add(new long[] {t + (long) (-300_000 * Math.log(1 - r.nextDouble())), a});
                }
            }
            if (t < 600 * S ? r.nextDouble() < 0.05 : r.nextDouble() < 0.01) {
                if (t >= 600 * S) {
                    out.add(free(t, cache.poll()));
                }
                long a = next += 0x40;
                out.add(alloc(t, "Cach", 256, a, "d!Cache"));
                cache.add(a);
            }
        }
        return out;
    }

    @Test
    @DisplayName("leak suspects: the group that keeps growing, not the plateaued cache nor the churn")
    void leakSuspects() {
        for (long seed = 1; seed <= 3; seed++) {
            TraceAnalysis a = replay(mixed(seed), 0, -1, 100, true);
            assertThat(a.violationCount()).isZero();
            assertThat(a.leaks()).as("seed %d", seed).extracting(x -> x.tag().toString()).containsExactly("Leak");
            TraceAnalysis.LeakSuspect s = a.leaks().get(0);
            assertThat(s.caller()).isEqualTo("d!Leaky");
            assertThat(s.perMinute()).as("0.4 leaked a second").isBetween(15.0, 35.0);
            assertThat(s.count()).isGreaterThan(1000);
        }
    }

    @Test
    @DisplayName("an address allocated twice without a free: reported, the old block dropped, replay goes on")
    void reusedAddress() {
        List<PoolEvent> e = List.of(alloc(1, "AAAA", 10, 0xA0, ""), alloc(2, "BBBB", 20, 0xA0, ""), free(3, 0xA0));
        TraceAnalysis a = replay(e, 0, -1, 100, false);
        assertThat(a.problems()).extracting(TraceProblem::kind).containsExactly("reused-address");
        assertThat(a.problems().get(0).message()).contains("0xA0").contains("AAAA");
        assertThat(a.outstandingCount()).isZero();
        assertThat(a.tags()).allMatch(r -> r.bytes() == 0 && r.outstanding() == 0);
    }

    @Test
    @DisplayName("events out of time order are reported with their line and replayed")
    void outOfOrder() {
        List<PoolEvent> e = List.of(alloc(5000, "AAAA", 10, 0xA0, ""), alloc(3000, "BBBB", 20, 0xB0, ""), free(6000, 0xA0));
        TraceAnalysis a = replay(e, 0, -1, 100, false);
        assertThat(a.problems()).extracting(TraceProblem::kind, TraceProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("out-of-order", 4L));
        assertThat(a.outstandingCount()).isEqualTo(1);
        assertThat(a.firstTime()).isEqualTo(5000);
        assertThat(a.lastTime()).isEqualTo(6000);
    }

    @Test
    @DisplayName("violations and problems beyond --max-listed are counted, not dropped silently")
    void listingLimit() {
        List<PoolEvent> e = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            e.add(alloc(i * 10L, "Tmb1", 10, 0xA0, ""));
            e.add(new PoolEvent.Free(i * 10L + 5, FreeRoutine.EX_FREE_POOL_WITH_TAG, PoolTag.parse("Tmb2"), 0xA0, "d.sys", "", i));
            e.add(free(i * 10L + 6, 0xBAD));
        }
        TraceAnalysis a = replay(e, 0, -1, 7, false);
        assertThat(a.violations()).hasSize(7);
        assertThat(a.violationCount()).isEqualTo(50);
        assertThat(a.violationsByRule()).containsEntry("free-tag-mismatch", 50L);
        assertThat(a.problems()).hasSize(7);
        assertThat(a.problemCount()).isEqualTo(50);
    }
}
