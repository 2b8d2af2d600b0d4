package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The model against a recomputation from the events themselves. */
class PoolModelProperties {
    private static final String[] TAGS = {"NfRx", "MmSt", "Irp ", "File", "Ab12", "Prot (Protected)"};
    private static final AllocRoutine[] ROUTINES = {AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY,
        AllocRoutine.EX_ALLOCATE_POOL_WITH_QUOTA_TAG, AllocRoutine.EX_ALLOCATE_POOL2, AllocRoutine.EX_ALLOCATE_POOL3,
        AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY};

    private record Live(PoolTag tag, PoolType type, long size, AllocRoutine routine) {
    }

    @Property(tries = 200)
    void validSequencesNeverBreakARuleAndCountersMatchTheTruth(@ForAll long seed, @ForAll @IntRange(min = 1, max = 600) int steps,
            @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long counterStart, @ForAll boolean verified) {
        Random r = new Random(seed);
        List<Violation> violations = new ArrayList<>();
        PoolModel m = new PoolModel(PoolConfig.defaults().withComplete(true), violations::add);
        if (verified) {
            m.verify("drv.sys", java.util.EnumSet.allOf(VerifierOption.class));
        }
        Map<String, long[]> truth = new HashMap<>(); // tag|type -> allocs, frees, bytes
        for (String t : TAGS) {
            for (PoolType pt : PoolType.values()) {
                m.tags().seed(PoolTag.parse(t), pt, counterStart, counterStart, 0);
                truth.put(PoolTag.parse(t).value() + "|" + pt, new long[] {counterStart, counterStart, 0});
            }
        }
        Map<Long, Live> live = new HashMap<>();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            if (!addresses.isEmpty() && r.nextInt(3) == 0) {
                long a = addresses.remove(r.nextInt(addresses.size()));
                Live l = live.remove(a);
                FreeRoutine fr = l.routine() == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY ? FreeRoutine.NDIS_FREE_MEMORY_WITH_TAG_PRIORITY
                        : l.tag().isProtected() || r.nextBoolean() ? FreeRoutine.EX_FREE_POOL_WITH_TAG : FreeRoutine.EX_FREE_POOL;
                Block b = m.free(new PoolEvent.Free(i, fr, fr.passesTag() ? l.tag() : null, a, "drv.sys", "", i));
                assertThat(b).isNotNull();
                long[] t = truth.get(l.tag().value() + "|" + l.type());
                t[1]++;
                t[2] -= PoolGeometry.X64.charged(l.size());
            } else {
                PoolTag tag = PoolTag.parse(TAGS[r.nextInt(TAGS.length)]);
                AllocRoutine routine = ROUTINES[r.nextInt(ROUTINES.length)];
                boolean paged = routine != AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY && r.nextBoolean();
                long size = r.nextInt(4) == 0 ? 1 + r.nextInt(20000) : 1 + r.nextInt(600);
                long flags = routine.takesPoolFlags() ? (paged ? PoolFlags.PAGED : PoolFlags.NON_PAGED) : 0;
                WindowsPoolType type = routine.takesPoolFlags() || routine == AllocRoutine.NDIS_ALLOCATE_MEMORY_WITH_TAG_PRIORITY ? null
                        : paged ? WindowsPoolType.PAGED_POOL : WindowsPoolType.NON_PAGED_POOL_NX;
                Block b = m.allocate(new PoolEvent.Alloc(i, routine, type, flags, tag, size, 0, "drv.sys", "drv!Site", null, i));
                assertThat(b).isNotNull();
                assertThat(live).doesNotContainKey(b.address());
                PoolType pt = paged ? PoolType.PAGED : PoolType.NONPAGED;
                assertThat(b.tracked()).isEqualTo(pt);
                live.put(b.address(), new Live(tag, pt, size, routine));
                addresses.add(b.address());
                long[] t = truth.get(tag.value() + "|" + pt);
                t[0]++;
                t[2] += PoolGeometry.X64.charged(size);
            }
        }
        assertThat(violations).isEmpty();
        assertThat(m.outstandingCount()).isEqualTo(live.size());
        for (String t : TAGS) {
            for (PoolType pt : PoolType.values()) {
                TagCounters row = m.tags().row(PoolTag.parse(t), pt);
                long[] exp = truth.get(PoolTag.parse(t).value() + "|" + pt);
                assertThat(row.allocs()).isEqualTo(exp[0] & 0xFFFF_FFFFL);
                assertThat(row.frees()).isEqualTo(exp[1] & 0xFFFF_FFFFL);
                assertThat(row.bytes()).isEqualTo(exp[2]);
                long outstanding = live.values().stream().filter(l -> l.tag().equals(PoolTag.parse(t)) && l.type() == pt).count();
                assertThat(row.outstanding()).as("Diff across the 32-bit wrap").isEqualTo(outstanding);
            }
        }
        if (verified) {
            DriverStats d = m.driverStats("DRV.SYS");
            long np = live.values().stream().filter(l -> l.type() == PoolType.NONPAGED).count();
            assertThat(d.currentAllocations(false)).isEqualTo(np);
            assertThat(d.currentBytes(true)).isEqualTo(live.values().stream().filter(l -> l.type() == PoolType.PAGED).mapToLong(Live::size).sum());
        }
    }
}
