package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.pe.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The crash explained, on dumps described directly: pool bug checks, tags in parameters, next steps, evidence strength. */
class CrashAnalysisTest {
    static final Driver NT = new Driver("ntoskrnl.exe", "\\SystemRoot\\system32\\ntoskrnl.exe", 0xFFFFF80000000000L, 0x1000000, 0, false);
    static final Driver MY = new Driver("mydrv.sys", "\\SystemRoot\\System32\\drivers\\mydrv.sys", 0xFFFFF80010000000L, 0x20000, 0, false);
    static final Driver GONE = new Driver("old.sys", "old.sys", 0xFFFFF80020000000L, 0x8000, 0, true);

    static CrashDump dump(long code, long... p) {
        return new CrashDump("c.dmp", 0x10000, 64, Machine.X64, 0xF, 19041, 4, code, List.of(p[0], p[1], p[2], p[3]), 4, DumpKind.SMALL,
                null, null, "", null, null, 0, 0, 0, List.of(), List.of(NT, MY), List.of(GONE), List.of(), 0, List.of(), List.of());
    }

    @Test
    void badPoolCallerWrongTagDecodesBothTagsAndPointsAtThePool() {
        CrashAnalysis.Result r = CrashAnalysis.analyze(dump(0xC2, 0x0A, 0xFFFF9B0002300180L, 0x6642794D, 0x6642794E),
                BugCheckReference.bundled(), new long[0]);
        assertThat(r.name()).isEqualTo("BAD_POOL_CALLER");
        assertThat(r.explanation().row().cause()).contains("wrong tag");
        assertThat(r.parameters().get(2).tag().memoryText()).isEqualTo("MyBf");
        assertThat(r.parameters().get(3).tag().memoryText()).isEqualTo("NyBf");
        List<String> steps = NextSteps.of(r, List.of(), List.of());
        assertThat(steps).anySatisfy(s -> assertThat(s).startsWith("!pool 0xFFFF9B0002300180"))
                .anySatisfy(s -> assertThat(s).startsWith("!poolfind MyBf"));
        assertThat(r.suspect()).isNull(); // no parameter, exception or stack value falls in a driver
    }

    @Test
    void codeAddressInADriverIsTheSuspectAndAnUnloadedDriverIsFound() {
        CrashAnalysis.Result r = CrashAnalysis.analyze(dump(0xD1, 0x10, 2, 0, MY.base() + 0x1234), BugCheckReference.bundled(), new long[0]);
        assertThat(r.name()).isEqualTo("DRIVER_IRQL_NOT_LESS_OR_EQUAL");
        assertThat(r.suspect().driver()).isEqualTo(MY);
        assertThat(r.suspect().strength()).isEqualTo("code address");
        assertThat(r.suspect().evidence()).contains("mydrv.sys+0x1234");
        CrashAnalysis.Result unloaded = CrashAnalysis.analyze(dump(0xD1, 0x10, 2, 0, GONE.base() + 0x10), BugCheckReference.bundled(), new long[0]);
        assertThat(unloaded.suspect().driver().unloaded()).isTrue();
    }

    @Test
    void dataPointerAndStackAreWeakerEvidenceAndTheKernelIsNotBlamedOverADriver() {
        // 0x50: parameter 1 is the memory referenced (data), parameter 3 the address that referenced it (code)
        CrashAnalysis.Result data = CrashAnalysis.analyze(dump(0x50, MY.base() + 0x100, 0, 0, 0), BugCheckReference.bundled(), new long[0]);
        assertThat(data.suspect().strength()).isEqualTo("data address");
        CrashAnalysis.Result stack = CrashAnalysis.analyze(dump(0x50, 0x10, 0, 0, 0), BugCheckReference.bundled(),
                new long[] {NT.base() + 5, NT.base() + 9, MY.base() + 0x40});
        assertThat(stack.suspect().driver()).isEqualTo(MY);
        assertThat(stack.suspect().strength()).isEqualTo("stack");
        assertThat(stack.suspect().evidence()).contains("does not prove");
    }

    @Test
    void liveAndDeliberateDumpsNameNoSuspect() {
        assertThat(CrashAnalysis.analyze(dump(0xE2, 0, 0, 0, 0), BugCheckReference.bundled(), new long[] {MY.base()}).suspect()).isNull();
        CrashAnalysis.Result live = CrashAnalysis.analyze(dump(0x161, MY.base() + 8, 0, 0, 0), BugCheckReference.bundled(), new long[0]);
        assertThat(live.origin()).isEqualTo(CrashAnalysis.Origin.LIVE);
        assertThat(live.suspect()).isNull();
    }
}
