package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.core.Severity;
import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per rule, each named after the Microsoft document the rule comes from, asserting the bug check code and the
 * four parameters as the document lists them.
 */
class PoolRulesTest {
    private static final String C2 = "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc2--bad-pool-caller";
    private static final String C4 = "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc4--driver-verifier-detected-violation";
    private static final String C1 = "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xc1--special-pool-detected-memory-corruption";
    private static final Set<String> TESTED = new HashSet<>();

    private final List<Violation> seen = new ArrayList<>();
    private final PoolModel model = new PoolModel(PoolConfig.defaults(), seen::add);

    private static PoolEvent.Alloc alloc(AllocRoutine r, WindowsPoolType type, String tag, long size, long address, String driver) {
        return new PoolEvent.Alloc(10, r, type, 0, tag == null ? null : PoolTag.parse(tag), size, address, driver, "0x9a3bf6ac", null, 1);
    }

    private static PoolEvent.Alloc withTag(String tag, long size, long address) {
        return alloc(AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.NON_PAGED_POOL_NX, tag, size, address, "drv.sys");
    }

    private static PoolEvent.Free free(FreeRoutine r, String tag, long address) {
        return new PoolEvent.Free(20, r, tag == null ? null : PoolTag.parse(tag), address, "drv.sys", "", 2);
    }

    private Violation only(String ruleId, String source) {
        assertThat(seen).as("violations").hasSize(1);
        Violation v = seen.get(0);
        assertThat(v.rule().id()).isEqualTo(ruleId);
        assertThat(v.rule().source()).isEqualTo(source);
        TESTED.add(ruleId);
        return v;
    }

    private static void params(BugCheck bc, BugCheckCode code, long p1, long p2, long p3, long p4) {
        assertThat(bc.code()).isEqualTo(code);
        assertThat(new long[] {bc.p1(), bc.p2(), bc.p3(), bc.p4()}).containsExactly(p1, p2, p3, p4);
    }

    private void verify(String driver, VerifierOption... options) {
        model.verify(driver, options.length == 0 ? Set.of() : EnumSet.of(options[0], options));
    }

    @Test
    @DisplayName("zero-size-allocation: Bug Check 0xC2 parameter 0x00 (0, pool type, pool tag); 0xC4/0x00 under Driver Verifier")
    void zeroSize() {
        model.allocate(withTag("Zero", 0, 0xA000));
        BugCheck bc = only("zero-size-allocation", C2).bugCheck();
        params(bc, BugCheckCode.BAD_POOL_CALLER, 0x00, 0, 512, PoolTag.parse("Zero").value());
        seen.clear();
        verify("drv.sys", VerifierOption.POOL_TRACKING);
        model.allocate(withTag("Zero", 0, 0xB000));
        params(only("zero-size-allocation", C2).bugCheck(), BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x00, 0, 512, 0);
    }

    @Test
    @DisplayName("zero-tag: Bug Check 0xC2 parameter 0x9B (pool type, bytes, caller); ExAllocatePool2 returns NULL instead")
    void zeroTag() {
        model.allocate(alloc(AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.PAGED_POOL, "0x00000000", 48, 0xA000, "drv.sys"));
        params(only("zero-tag", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x9B, 1, 48, 0x9a3bf6acL);
        seen.clear();
        PoolEvent.Alloc pool2 = new PoolEvent.Alloc(10, AllocRoutine.EX_ALLOCATE_POOL2, null, PoolFlags.NON_PAGED, PoolTag.ofValue(0), 48, 0,
                "drv.sys", "", null, 1);
        assertThat(model.allocate(pool2)).as("ExAllocatePool2 with tag 0 returns NULL").isNull();
        Violation v = only("zero-tag", C2);
        assertThat(v.bugCheck()).isNull();
        assertThat(v.callFails()).isTrue();
        assertThat(model.failedAllocations()).isEqualTo(1);
    }

    @Test
    @DisplayName("big-tag: Bug Check 0xC2 parameter 0x9C, a tag of \"BIG\" (pool type, bytes, caller)")
    void bigTag() {
        model.allocate(withTag("BIG ", 64, 0xA000));
        params(only("big-tag", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x9C, 512, 64, 0x9a3bf6acL);
    }

    @Test
    @DisplayName("tag-without-letter-or-digit: Bug Check 0xC2 parameter 0x9D (incorrect tag, pool type, caller)")
    void noLetterOrDigit() {
        model.allocate(withTag("-__-", 64, 0xA000));
        params(only("tag-without-letter-or-digit", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x9D, PoolTag.parse("-__-").value(), 512,
                0x9a3bf6acL);
    }

    @Test
    @DisplayName("must-succeed-pool: Bug Check 0xC2 parameter 0x9A (pool type, bytes, tag); POOL_TYPE: startup only")
    void mustSucceed() {
        model.allocate(alloc(AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.NON_PAGED_POOL_MUST_SUCCEED, "Must", 64, 0xA000, "d.sys"));
        params(only("must-succeed-pool", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x9A, 2, 64, PoolTag.parse("Must").value());
    }

    @Test
    @DisplayName("invalid-pool-flags: POOL_FLAGS required flags must be recognised, else the allocation fails (ExAllocatePool2 returns NULL)")
    void invalidFlags() {
        PoolEvent.Alloc both = new PoolEvent.Alloc(10, AllocRoutine.EX_ALLOCATE_POOL2, null, PoolFlags.NON_PAGED | PoolFlags.PAGED,
                PoolTag.parse("Flag"), 64, 0, "d.sys", "", null, 1);
        assertThat(model.allocate(both)).isNull();
        Violation v = only("invalid-pool-flags", "https://learn.microsoft.com/windows-hardware/drivers/kernel/pool_flags");
        assertThat(v.callFails()).isTrue();
        assertThat(v.message()).contains("more than one pool");
        seen.clear();
        PoolEvent.Alloc reserved = new PoolEvent.Alloc(10, AllocRoutine.EX_ALLOCATE_POOL3, null, PoolFlags.NON_PAGED | PoolFlags.RESERVED2,
                PoolTag.parse("Flag"), 64, 0, "d.sys", "", null, 1);
        assertThat(model.allocate(reserved)).isNull();
        assertThat(seen.get(0).message()).contains("0x200");
    }

    @Test
    @DisplayName("untagged-allocation: code analysis warning C28147, ExAllocatePool's default tag ' kdD' (Ddk)")
    void untagged() {
        Block b = model.allocate(alloc(AllocRoutine.EX_ALLOCATE_POOL, WindowsPoolType.PAGED_POOL, null, 64, 0xA000, "old.sys"));
        assertThat(b.tag()).isEqualTo(PoolTag.ofCharLiteral(" kdD"));
        Violation v = only("untagged-allocation", "https://learn.microsoft.com/windows-hardware/drivers/devtest/28147-improper-use-of-default-pool-tag");
        assertThat(v.severity()).isEqualTo(Severity.NOTE);
        assertThat(v.bugCheck()).isNull();
    }

    @Test
    @DisplayName("free-tag-mismatch: Bug Check 0xC2 parameter 0x0A (address, allocator's tag, tag used in the free)")
    void tagMismatch() {
        model.allocate(withTag("Tmb1", 128, 0xFFFFA08000001010L));
        Block freed = model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Tmb2", 0xFFFFA08000001010L));
        assertThat(freed).as("the replay goes on as if the free happened").isNotNull();
        Violation v = only("free-tag-mismatch", C2);
        params(v.bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x0A, 0xFFFFA08000001010L, PoolTag.parse("Tmb1").value(), PoolTag.parse("Tmb2").value());
        assertThat(v.message()).contains("'Tmb2'").contains("'Tmb1'");
        seen.clear();
        model.allocate(withTag("Good", 128, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Good", 0xA000));
        model.allocate(withTag("Good", 128, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL, null, 0xA000));
        assertThat(seen).as("the right tag, and ExFreePool (no tag), are fine").isEmpty();
    }

    @Test
    @DisplayName("protected-tag-free: wdm.h PROTECTED_POOL 0x80000000 must be freed with ExFreePoolWithTag and its tag: 0xC2/0x0A")
    void protectedTag() {
        model.allocate(withTag("Prot (Protected)", 64, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL, null, 0xA000));
        params(only("protected-tag-free", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x0A, 0xA000, 0x80000000L | PoolTag.parse("Prot").value(), 0);
        seen.clear();
        model.allocate(withTag("Prot (Protected)", 64, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Prot", 0xA000));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).bugCheck().p4()).as("the tag used in the free").isEqualTo(PoolTag.parse("Prot").value());
        seen.clear();
        model.allocate(withTag("Prot (Protected)", 64, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Prot (Protected)", 0xA000));
        assertThat(seen).isEmpty();
    }

    @Test
    @DisplayName("double-free: Bug Check 0xC2 parameter 0x07 (reserved, header contents, address); 0xC4/0x13 under Driver Verifier")
    void doubleFree() {
        model.allocate(withTag("Dbl1", 64, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Dbl1", 0xA000));
        assertThat(model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Dbl1", 0xA000))).isNull();
        params(only("double-free", C2).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x07, 0, 0, 0xA000);
        seen.clear();
        verify("drv.sys", VerifierOption.POOL_TRACKING);
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Dbl1", 0xA000));
        params(only("double-free", C2).bugCheck(), BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x13, 0, 0, 0);
        seen.clear();
        model.allocate(withTag("Dbl1", 64, 0xA000));
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Dbl1", 0xA000));
        assertThat(seen).as("allocated again in between: not a double free").isEmpty();
    }

    @Test
    @DisplayName("free-unknown-address: Bug Check 0xC2 parameter 0x99 (address, 0, 0); 0xC4/0x10 verified; only when every allocation is known")
    void unknownAddress() {
        model.free(free(FreeRoutine.EX_FREE_POOL, null, 0xBAD0));
        assertThat(seen).as("a trace that started on a running system").isEmpty();
        List<Violation> complete = new ArrayList<>();
        PoolModel m = new PoolModel(PoolConfig.defaults().withComplete(true), complete::add);
        m.free(free(FreeRoutine.EX_FREE_POOL, null, 0xBAD0));
        assertThat(complete).hasSize(1);
        params(complete.get(0).bugCheck(), BugCheckCode.BAD_POOL_CALLER, 0x99, 0xBAD0, 0, 0);
        assertThat(complete.get(0).rule().source()).isEqualTo(C2);
        m.verify("drv.sys", EnumSet.of(VerifierOption.POOL_TRACKING));
        m.free(free(FreeRoutine.EX_FREE_POOL, null, 0xBAD1));
        params(complete.get(1).bugCheck(), BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x10, 0xBAD1, 0, 0);
        TESTED.add("free-unknown-address");
    }

    private Block special(SpecialAlignment align, long size) {
        List<Violation> none = new ArrayList<>();
        model.verify("sp.sys", EnumSet.of(VerifierOption.SPECIAL_POOL));
        Block b = model.allocate(new PoolEvent.Alloc(10, AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG_PRIORITY, WindowsPoolType.NON_PAGED_POOL_NX,
                0, PoolTag.parse("SpOv"), size, 0, "sp.sys", "0x1234", align, 1));
        assertThat(b.special()).isEqualTo(align);
        assertThat(none).isEmpty();
        return b;
    }

    private void write(Block b, long offset, int length) {
        model.access(new PoolEvent.Access(15, b.address(), offset, length, true, "sp.sys", "0x5678", 3));
    }

    @Test
    @DisplayName("special-pool-corruption: Special pool finds writes on the block's page at free: Bug Check 0xC1 parameter 4 = 0x24 after, 0x23 before")
    void specialPoolCorruption() {
        Block b = special(SpecialAlignment.VERIFY_END, 100);
        assertThat((b.address() + 112) % 4096).as("Verify End: block flush with the end of its page, 16-byte aligned").isZero();
        write(b, 100, 1);
        assertThat(seen).as("the slack after the block is on the page: nothing stops yet").isEmpty();
        model.free(new PoolEvent.Free(20, FreeRoutine.EX_FREE_POOL_WITH_TAG, PoolTag.parse("SpOv"), b.address(), "sp.sys", "", 4));
        params(only("special-pool-corruption", C1).bugCheck(), BugCheckCode.SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, b.address(),
                b.address() + 100, 0, 0x24);
        seen.clear();
        Block u = special(SpecialAlignment.VERIFY_END, 100);
        write(u, -8, 4);
        model.free(new PoolEvent.Free(20, FreeRoutine.EX_FREE_POOL_WITH_TAG, PoolTag.parse("SpOv"), u.address(), "sp.sys", "", 4));
        params(only("special-pool-corruption", C1).bugCheck(), BugCheckCode.SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION, u.address(),
                u.address() - 8, 0, 0x23);
    }

    @Test
    @DisplayName("pool-tracking-overrun: Bug Check 0xC4 parameter 0x51 (base, address beyond, charged bytes), pool tracking only")
    void poolTrackingOverrun() {
        verify("drv.sys", VerifierOption.POOL_TRACKING);
        Block b = model.allocate(withTag("Trk1", 100, 0xA010));
        model.access(new PoolEvent.Access(15, 0xA010, 100, 4, true, "drv.sys", "", 3));
        assertThat(seen).isEmpty();
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Trk1", 0xA010));
        params(only("pool-tracking-overrun", C4).bugCheck(), BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x51, 0xA010, 0xA010 + 100,
                b.charged());
        assertThat(b.charged()).isEqualTo(128);
    }

    @Test
    @DisplayName("special-pool-guard-page: Special pool: an overrun off the page is Bug Check 0xCD at once (address, 1 write, caller)")
    void guardPage() {
        Block b = special(SpecialAlignment.VERIFY_END, 96);
        write(b, 96, 1);
        Violation v = only("special-pool-guard-page",
                "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcd--page-fault-beyond-end-of-allocation");
        params(v.bugCheck(), BugCheckCode.PAGE_FAULT_BEYOND_END_OF_ALLOCATION, b.address() + 96, 1, 0x5678, 0);
        seen.clear();
        Block s = special(SpecialAlignment.VERIFY_START, 96);
        assertThat(s.address() % 4096).as("Verify Start: block at the start of its page").isZero();
        write(s, -1, 1);
        params(seen.get(0).bugCheck(), BugCheckCode.PAGE_FAULT_BEYOND_END_OF_ALLOCATION, s.address() - 1, 1, 0x5678, 0);
        seen.clear();
        write(s, 100, 1);
        assertThat(seen).as("Verify Start: an overrun stays on the page until the free").isEmpty();
    }

    @Test
    @DisplayName("special-pool-use-after-free: Special pool: an access after the free is Bug Check 0xCC (address, write, caller)")
    void useAfterFree() {
        Block b = special(SpecialAlignment.VERIFY_END, 64);
        model.free(new PoolEvent.Free(20, FreeRoutine.EX_FREE_POOL_WITH_TAG, PoolTag.parse("SpOv"), b.address(), "sp.sys", "", 4));
        model.access(new PoolEvent.Access(30, b.address(), 8, 4, false, "sp.sys", "0x77", 5));
        Violation v = only("special-pool-use-after-free",
                "https://learn.microsoft.com/windows-hardware/drivers/debugger/bug-check-0xcc--page-fault-in-freed-special-pool");
        params(v.bugCheck(), BugCheckCode.PAGE_FAULT_IN_FREED_SPECIAL_POOL, b.address() + 8, 0, 0x77, 0);
    }

    @Test
    @DisplayName("undetected-overrun: Special pool page: writing n+1 bytes of n corrupts the pool unnoticed without Driver Verifier")
    void undetected() {
        model.allocate(withTag("Ovr1", 100, 0xA010));
        model.access(new PoolEvent.Access(15, 0xA010, 96, 8, true, "drv.sys", "", 3));
        Violation v = only("undetected-overrun", "https://learn.microsoft.com/windows-hardware/drivers/devtest/special-pool");
        assertThat(v.bugCheck()).isNull();
        assertThat(v.severity()).isEqualTo(Severity.WARNING);
        model.free(free(FreeRoutine.EX_FREE_POOL_WITH_TAG, "Ovr1", 0xA010));
        assertThat(seen).as("nothing notices at the free either").hasSize(1);
    }

    @Test
    @DisplayName("unload-with-outstanding: Pool Tracking: unloading with allocations is Bug Check 0xC4 parameter 0x62 (name, reserved, count)")
    void unloadWithOutstanding() {
        verify("vdisk.sys", VerifierOption.POOL_TRACKING);
        for (int i = 0; i < 3; i++) {
            model.allocate(alloc(AllocRoutine.EX_ALLOCATE_POOL_WITH_TAG, WindowsPoolType.NON_PAGED_POOL_NX, "VdCx", 720, 0xA000 + 0x1000 * i,
                    "VDisk.sys"));
        }
        assertThat(model.unload(new PoolEvent.Unload(30, "vdisk.sys", 9))).isEqualTo(3);
        Violation v = only("unload-with-outstanding", C4);
        params(v.bugCheck(), BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION, 0x62, 0, 0, 3);
        assertThat(v.message()).contains("vdisk.sys").contains("3 allocations");
    }

    @Test
    @DisplayName("unload-leak: Pool Tracking page: without Driver Verifier the unload leaks silently (no bug check)")
    void unloadLeak() {
        model.allocate(withTag("Leak", 64, 0xA000));
        model.unload(new PoolEvent.Unload(30, "drv.sys", 9));
        Violation v = only("unload-leak", "https://learn.microsoft.com/windows-hardware/drivers/devtest/pool-tracking");
        assertThat(v.bugCheck()).isNull();
    }

    @Test
    @DisplayName("special pool by tag pattern (gflags) and POOL_FLAG_SPECIAL_POOL; not for a page or more")
    void specialPoolSelection() {
        model.specialPoolTag(TagPattern.parse("Sp*"));
        assertThat(model.allocate(withTag("SpAb", 64, 0)).isSpecial()).isTrue();
        assertThat(model.allocate(withTag("Othr", 64, 0)).isSpecial()).isFalse();
        assertThat(model.allocate(withTag("SpBg", 4096, 0)).isSpecial()).as("special pool is not for a page or more").isFalse();
        PoolEvent.Alloc flagged = new PoolEvent.Alloc(10, AllocRoutine.EX_ALLOCATE_POOL2, null, PoolFlags.NON_PAGED | PoolFlags.SPECIAL_POOL,
                PoolTag.parse("Flgd"), 64, 0, "d.sys", "", null, 1);
        assertThat(model.allocate(flagged).isSpecial()).isTrue();
        assertThat(seen).isEmpty();
        model.specialPoolTag(TagPattern.parse("Ot*"));
        assertThat(model.allocate(withTag("Othr", 64, 0)).isSpecial()).as("one special-pool tag system-wide: the new one").isTrue();
        assertThat(model.allocate(withTag("SpCd", 64, 0)).isSpecial()).as("the old one is replaced").isFalse();
    }

    @AfterAll
    static void everyRuleHasATestNamingItsSource() {
        Set<String> all = PoolRules.all().stream().map(PoolRule::id).collect(Collectors.toSet());
        assertThat(TESTED).as("rules without a test here").containsAll(all);
        for (PoolRule r : PoolRules.all()) {
            assertThat(r.source()).startsWith("https://learn.microsoft.com/windows-hardware/drivers/");
            assertThat(r.title()).isNotBlank();
            assertThat(r.help()).isNotBlank();
        }
    }
}
