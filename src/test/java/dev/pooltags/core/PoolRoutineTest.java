package dev.pooltags.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one catalogue of pool routines, and the views lint and the event model keep of it (issue 13 item 1). */
class PoolRoutineTest {
    @Test
    void compiledCallsKeepTheirStackSlotsAndTagPositions() {
        assertThat(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG.x86TagSlot()).isEqualTo(2);
        assertThat(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG.x86ArgumentBytes()).isEqualTo(12);
        // a 64-bit POOL_FLAGS takes two x86 slots: the third argument is the fourth slot
        assertThat(PoolRoutine.EX_ALLOCATE_POOL2.tagArgument()).isEqualTo(2);
        assertThat(PoolRoutine.EX_ALLOCATE_POOL2.x86TagSlot()).isEqualTo(3);
        assertThat(PoolRoutine.EX_ALLOCATE_POOL2.x86ArgumentBytes()).isEqualTo(16);
        // StorPortAllocatePool is compiled into the cdecl StorPortExtendedFunction(0, ..., tag fourth)
        PoolRoutine stor = PoolRoutine.forImport("STORPORT.SYS", "StorPortExtendedFunction");
        assertThat(stor).isEqualTo(PoolRoutine.STOR_PORT_ALLOCATE_POOL);
        assertThat(stor.tagArg()).as("in the source prototype").isEqualTo(2);
        assertThat(stor.tagArgument()).as("in the compiled call").isEqualTo(3);
        assertThat(stor.x86SelectorSlot()).isZero();
        assertThat(stor.x86ArgumentBytes()).isZero();
        assertThat(PoolRoutine.forImport("ntoskrnl.exe", "StorPortExtendedFunction")).isNull();
        assertThat(PoolRoutine.forImport("ntkrnlpa.exe", "ExFreePoolWithTag")).isEqualTo(PoolRoutine.EX_FREE_POOL_WITH_TAG);
        assertThat(PoolRoutine.forImport("ntoskrnl.exe", "ExAllocatePoolZero")).as("inline: never imported").isNull();
        assertThat(Arrays.stream(PoolRoutine.values()).filter(r -> r.call() != null)).hasSize(23);
    }

    @Test
    void everyEntryIsConsistentAndDocumented() {
        for (PoolRoutine r : PoolRoutine.values()) {
            assertThat(r.documentation()).as(r.routineName()).startsWith("https://learn.microsoft.com/").doesNotContain(" ");
            if (!r.documentation().contains("/previous-versions/")) { // the NDIS 5 pages are numbered, not named
                assertThat(r.documentation()).endsWith("-" + r.routineName().toLowerCase(Locale.ROOT));
            }
            assertThat(PoolRoutine.byName(r.routineName())).isEqualTo(r);
            if (r.call() != null) {
                int[] slots = r.call().x86Slots();
                assertThat(r.tagArgument()).as(r.routineName()).isLessThan(slots.length);
                assertThat(r.selectorArgument()).as(r.routineName()).isLessThan(slots.length);
            }
            if (r.kind() == PoolRoutine.Kind.ALLOCATE_OUT || r.kind() == PoolRoutine.Kind.FREE) {
                assertThat(r.pointerArg()).as(r.routineName() + " hands the block through an argument").isNotNegative();
            }
        }
        assertThat(PoolRoutine.EX_ALLOCATE_POOL_WITH_TAG.documentation())
                .isEqualTo("https://learn.microsoft.com/windows-hardware/drivers/ddi/wdm/nf-wdm-exallocatepoolwithtag");
    }

    @Test
    void theViewsTakeTheirFactsFromTheCatalogue() {
        for (dev.pooltags.lint.PoolRoutine l : dev.pooltags.lint.PoolRoutine.values()) {
            PoolRoutine e = l.entry();
            assertThat(l.routineName()).isEqualTo(e.routineName());
            assertThat(l.kind().name()).isEqualTo(e.kind().name());
            assertThat(new int[] {l.tagArg(), l.poolTypeArg(), l.poolFlagsArg(), l.lookasideFlagsArg(), l.pointerArg()})
                    .containsExactly(e.tagArg(), e.poolTypeArg(), e.poolFlagsArg(), e.lookasideFlagsArg(), e.pointerArg());
        }
        assertThat(AllocRoutine.EX_ALLOCATE_POOL3.takesPoolFlags()).isTrue();
        assertThat(AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG.failsInsteadOfBugCheck()).isFalse();
        assertThat(AllocRoutine.EX_ALLOCATE_POOL.isTagged()).isFalse();
        assertThat(AllocRoutine.UNKNOWN.isTagged()).isTrue();
        assertThat(AllocRoutine.byName(" exallocatepool2 ")).isEqualTo(AllocRoutine.EX_ALLOCATE_POOL2);
        assertThat(FreeRoutine.EX_FREE_POOL2.passesTag()).isTrue();
        assertThat(FreeRoutine.NDIS_FREE_MEMORY.passesTag()).isFalse();
        assertThat(FreeRoutine.UNKNOWN.passesTag()).isFalse();
        assertThat(FreeRoutine.UNKNOWN.routineName()).isEqualTo("(not recorded)");
    }
}
