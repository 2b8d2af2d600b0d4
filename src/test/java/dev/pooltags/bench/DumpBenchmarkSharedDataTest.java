package dev.pooltags.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.dump.DumpInspection;
import dev.pooltags.dump.DumpKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's dump is a valid complete memory dump made of the real pages, and its pool is found again. */
class DumpBenchmarkSharedDataTest {
    @Test
    void builtDumpIsValidAndHoldsTheRealPoolBlocks(@TempDir Path tmp) throws Exception {
        Path source = Path.of("../shared/data/dumps/triage-x64-19041-0x1000007E.dmp");
        Path out = Files.createFile(tmp.resolve("bench.dmp"));
        int pages = DumpBenchmark.build(source, 8_000_000, out);
        DumpInspection in = DumpInspection.inspect(out);
        assertThat(in.dump().kind()).isEqualTo(DumpKind.COMPLETE_RUNS);
        assertThat(in.dump().problems()).isEmpty();
        assertThat(in.dump().fileSize()).isGreaterThanOrEqualTo(8_000_000);
        assertThat(in.pool().scannedBytes()).isEqualTo(in.dump().fileSize() - 0x2000);
        DumpInspection small = DumpInspection.inspect(source);
        // the pages repeat at least once, so every tag of the small dump's confirmed blocks is found again
        assertThat(pages).isGreaterThan(500);
        assertThat(in.usage().stream().map(u -> u.tag()).distinct().count())
                .isGreaterThanOrEqualTo(small.usage().stream().map(u -> u.tag()).distinct().count() * 9 / 10);
    }
}
