package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MonotonicCountersTest {
    private static final PoolTag TAG = PoolTag.parse("MyBf");
    private static final long MOD = TagCounters.COUNTER_MODULUS;

    private static Snapshot snap(long allocs, long frees) {
        return new Snapshot(Instant.EPOCH, "", "test", List.of(TagCounters.of(TAG, PoolType.NONPAGED, allocs, frees, 0)));
    }

    private static MonotonicCounters.Totals only(MonotonicCounters c, Snapshot s) {
        return c.advance(s).get(TagCounters.of(TAG, PoolType.NONPAGED, 0, 0, 0).key());
    }

    @Test
    void wrapOfThe32BitCounterIsAddedBack() {
        MonotonicCounters c = new MonotonicCounters();
        assertThat(only(c, snap(MOD - 16, MOD - 100))).isEqualTo(new MonotonicCounters.Totals(MOD - 16, MOD - 100));
        // allocs wrapped (0xFFFFFFF0 -> 0x10: 32 more), frees did not
        assertThat(only(c, snap(16, MOD - 50))).isEqualTo(new MonotonicCounters.Totals(MOD + 16, MOD - 50));
        // now frees wrap too
        assertThat(only(c, snap(40, 10))).isEqualTo(new MonotonicCounters.Totals(MOD + 40, MOD + 10));
    }

    @Test
    void aWideCounterGoingDownIsAResetNotAWrap() {
        MonotonicCounters c = new MonotonicCounters();
        only(c, snap(10 * MOD, 5 * MOD));
        assertThat(only(c, snap(7, 3))).isEqualTo(new MonotonicCounters.Totals(7, 3));
    }

    @Test
    void aVanishedRowStartsAgainFromItsRawValue() {
        MonotonicCounters c = new MonotonicCounters();
        only(c, snap(MOD - 1, 0));
        only(c, snap(5, 0)); // wrapped: MOD + 5
        c.advance(new Snapshot(Instant.EPOCH, "", "test", List.of()));
        assertThat(only(c, snap(3, 0))).isEqualTo(new MonotonicCounters.Totals(3, 0));
    }

    @Test
    void repeatedRowsAreSummed() {
        MonotonicCounters c = new MonotonicCounters();
        Snapshot s = new Snapshot(Instant.EPOCH, "", "test", List.of(TagCounters.of(TAG, PoolType.NONPAGED, 5, 1, 0),
                TagCounters.of(TAG, PoolType.NONPAGED, 7, 2, 0)));
        assertThat(only(c, s)).isEqualTo(new MonotonicCounters.Totals(12, 3));
    }

    /** Whatever the increments (each under 2^32 between samples), the exported counter is their exact sum. */
    @Property(tries = 200)
    void exportedCounterIsTheSumOfIncrements(@ForAll @LongRange(min = 0, max = (1L << 32) - 1) long start,
            @ForAll List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> increments) {
        MonotonicCounters c = new MonotonicCounters();
        long raw = start;
        long expected = start;
        only(c, snap(raw, 0));
        for (int inc : increments) {
            raw = (raw + inc) % MOD;
            expected += inc;
            assertThat(only(c, snap(raw, 0)).allocs()).isEqualTo(expected);
        }
    }
}
