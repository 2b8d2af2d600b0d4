package dev.pooltags.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The block rounding against a real per-tag snapshot of a Windows 10 x64 machine. */
class PoolGeometrySharedDataTest {
    private static final Path SNAPSHOT = Path.of("../shared/data/snapshots/poolmonx-win10-2018.csv");

    @Test
    @DisplayName("every real row with allocations outstanding is a multiple of the x64 granularity (16 bytes)")
    void realBytesAreSixteenByteBlocks() throws Exception {
        List<String> lines = Files.readAllLines(SNAPSHOT);
        assertThat(lines.get(0)).startsWith("Tag,PoolType,Allocs,Frees,Diff,Bytes");
        int rows = 0;
        int outstanding = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            long diff = Long.parseLong(f[4]);
            long bytes = Long.parseLong(f[5]);
            rows++;
            if (diff > 0) {
                outstanding++;
                assertThat(bytes % PoolGeometry.X64.granularity()).as("row %s", line).isZero();
                assertThat(bytes).as("at least a header per allocation: %s", line).isGreaterThanOrEqualTo(diff * PoolGeometry.X64.headerBytes());
            }
        }
        assertThat(rows).isEqualTo(3050);
        assertThat(outstanding).isGreaterThan(2000);
    }
}
