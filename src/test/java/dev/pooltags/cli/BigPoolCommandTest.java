package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.BigPoolAllocation;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotInputs;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code snapshot --big-pool} lists the big-pool table per allocation (tag, size, address), largest
 * first, from the demo source's simulated kernel and from files that carry it; JSON and CSV carry it and read back.
 * (The live Windows source's decoding is {@code WindowsPoolBuffersTest.bigPoolInformation}.)
 */
class BigPoolCommandTest {
    static final List<BigPoolAllocation> TABLE = List.of(
            new BigPoolAllocation(0xFFFFA00012340000L, PoolType.NONPAGED, 0x3000, PoolTag.parse("CM31")),
            new BigPoolAllocation(0xFFFFA00012350000L, PoolType.PAGED, 0x1000, PoolTag.parse("File")),
            new BigPoolAllocation(0xFFFFB80000400000L, PoolType.NONPAGED, 0x200000, PoolTag.parse("Lk2x")));

    static Path file(Path dir) throws Exception {
        Path f = dir.resolve("with-big-pool.jsonl");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            SnapshotJsonLines.write(w, new Snapshot(Instant.parse("2026-01-01T00:00:00Z"), "host", "windows",
                    List.of(TagCounters.of(PoolTag.parse("Lk2x"), PoolType.NONPAGED, 10, 2, 0x300000)), Map.of(), TABLE));
        }
        return f;
    }

    @Test
    void listsTheTableLargestFirstFilteredAndCut(@TempDir Path dir) throws Exception {
        Path f = file(dir);
        CliRun r = CliRun.of("snapshot", "--source", "replay:" + f, "--big-pool", "--no-localtag");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).containsExactly(
                "# windows on host at 2026-01-01T00:00:00Z: big pool 3 allocations, 2109440 bytes nonpaged, 4096 bytes paged;"
                        + " 3 of 3 shown",
                "Address             Type     Bytes  Tag",
                "0xFFFFB80000400000  Nonp   2097152  Lk2x",
                "0xFFFFA00012340000  Nonp     12288  CM31",
                "0xFFFFA00012350000  Paged     4096  File");
        CliRun cut = CliRun.of("snapshot", "--source", "replay:" + f, "--big-pool", "--no-localtag", "--exclude", "Lk*", "--top", "1");
        assertThat(cut.out()).contains("1 of 2 shown").contains("CM31").doesNotContain("Lk2x").doesNotContain("File");
    }

    @Test
    void jsonAndCsvCarryTheTableAndReadItBack(@TempDir Path dir) throws Exception {
        Path f = file(dir);
        for (String format : List.of("json", "csv")) {
            Path out = dir.resolve("big." + format);
            CliRun r = CliRun.of("snapshot", "--source", "replay:" + f, "--big-pool", "--no-localtag", "--format", format, "-o",
                    out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            List<Snapshot> back = SnapshotInputs.readFile(out);
            assertThat(back).hasSize(1);
            assertThat(back.get(0).bigPool()).as(format).containsExactlyInAnyOrderElementsOf(TABLE);
        }
        assertThat(Files.readString(dir.resolve("big.csv")).lines().toList()).contains(
                "time,host,source,kind,key,type,allocs,frees,diff,bytes,per_alloc,address",
                "2026-01-01T00:00:00Z,host,windows,bigpool,CM31,Nonp,,,,12288,,0xFFFFA00012340000");
        assertThat(Files.readString(dir.resolve("big.json"))).contains(
                "{\"address\":\"0xFFFFA00012340000\",\"type\":\"Nonp\",\"bytes\":12288,\"tag\":\"CM31\"}");
        // a series without big-pool tables keeps the eleven columns every earlier file has
        CliRun plain = CliRun.of("snapshot", "--source", "replay:" + f, "--format", "csv", "--no-localtag");
        assertThat(plain.out().lines().findFirst().orElseThrow()).isEqualTo("time,host,source,kind,key,type,allocs,frees,diff,bytes,per_alloc");
    }

    @Test
    void theDemoSourceSimulatesTheTable() {
        // at its start, leak-fast's registry cache (CM31) holds page-sized blocks: the big pool of the simulated kernel
        CliRun r = CliRun.of("snapshot", "--source", "demo:leak-fast", "--big-pool", "--no-localtag", "--include", "CM31");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = r.out().lines().skip(2).toList();
        // the owner is the scenario's driver, as PoolMon's /g shows Mapped_Driver
        assertThat(rows).isNotEmpty().allMatch(l -> l.matches("0x[0-9A-F]+ +Paged +\\d+  CM31  ntoskrnl.exe - nt!CmpAllocatePool"));
        long last = Long.MAX_VALUE;
        for (String l : rows) {
            long bytes = Long.parseLong(l.trim().split(" +")[2]);
            assertThat(bytes % 4096).as("whole pages").isZero();
            assertThat(bytes).isLessThanOrEqualTo(last);
            last = bytes;
        }
    }

    @Test
    void aSourceWithoutATableSaysSo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("plain.jsonl");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            SnapshotJsonLines.write(w, new Snapshot(Instant.parse("2026-01-01T00:00:00Z"), "", "x", List.of(), Map.of()));
        }
        CliRun r = CliRun.of("snapshot", "--source", "replay:" + f, "--big-pool", "--no-localtag");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err().strip()).isEqualTo("pooltags: replay:" + f + ": has no big-pool table: the live Windows source reads it (as"
                + " administrator), demo: sources simulate it, and files written with 'snapshot --big-pool' hold it");
        CliRun poolmon = CliRun.of("snapshot", "--source", "replay:" + file(dir), "--big-pool", "--format", "poolmon");
        assertThat(poolmon.code()).isEqualTo(ExitCode.USAGE.code());
    }
}
