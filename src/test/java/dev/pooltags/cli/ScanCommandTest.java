package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pooltags scan} end to end, through {@link Main#run}. */
class ScanCommandTest {
    static final String DRIVERS = "src/test/resources/drivers";

    @Test
    void jsonListsEveryCallSiteWithTagsOnAllThreeArchitectures() throws Exception {
        CliRun r = CliRun.of("scan", DRIVERS, "--format", "json", "--no-localtag", "--tagfile",
                "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("summary").path("scanned").asInt()).isEqualTo(10);
        Set<String> archs = new HashSet<>();
        Set<String> nv05 = new HashSet<>();
        for (JsonNode f : root.path("files")) {
            archs.add(f.path("architecture").asText());
            for (JsonNode s : f.path("sites")) {
                assertThat(s.path("address").asText()).startsWith("0x");
                assertThat(s.path("function").asText()).startsWith("0x");
                if ("Nv05".equals(s.path("tag").asText())) {
                    assertThat(s.path("routine").asText()).isEqualTo("NdisAllocateMemoryWithTagPriority");
                    assertThat(s.path("via").path("function").asText()).startsWith("0x");
                    assertThat(s.path("literal").asText()).isEqualTo("50vN");
                    nv05.add(f.path("architecture").asText());
                }
                if (s.path("status").asText().equals("unknown")) {
                    assertThat(s.path("tag").isNull()).isTrue();
                    assertThat(s.path("reason").asText()).isNotEmpty();
                }
            }
        }
        assertThat(archs).containsExactlyInAnyOrder("x86", "x64", "ARM64");
        assertThat(nv05).containsExactlyInAnyOrder("x86", "x64", "ARM64");
    }

    @Test
    void tableSummarisesPerFile() {
        CliRun r = CliRun.of("scan", DRIVERS + "/clang-x64/poolalloc.sys", "--no-localtag", "--tagfile",
                "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("clang-x64/poolalloc.sys  (x64, 36 call sites: 25 with a tag, 8 unknown, 3 untagged)")
                .containsPattern("Pa01 +ExAllocatePoolWithTag +alloc +1 +0x140001000 +immediate")
                .containsPattern("Pa13 +ExAllocatePoolWithTag +alloc +1 +0x[0-9A-F]+ +via 0x[0-9A-F]+, read-only data")
                .contains("1 file: 1 decoded, 1 with pool calls (36 call sites)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void localtagOutputIsAcceptedByLookup(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("localtag.txt");
        CliRun scan = CliRun.of("scan", DRIVERS, "--format", "localtag", "-o", local.toString(), "--no-localtag",
                "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(scan.code()).as(scan.err()).isZero();
        String text = Files.readString(local);
        assertThat(text).contains("Nv05 - netvideo.sys").contains("Pa01 - poolalloc.sys").contains("\r\n");
        CliRun lookup = CliRun.of("lookup", "--tagfile", local.toString(), "Nv05", "Pa18", "Shrd");
        assertThat(lookup.code()).as(lookup.out() + lookup.err()).isZero();
        assertThat(lookup.out()).contains("netvideo.sys").contains("poolalloc.sys")
                .contains("found by pooltags scan: NdisAllocateMemoryWithTagPriority");
        CliRun check = CliRun.of("lookup", "--check", local.toString());
        assertThat(check.code()).as(check.out()).isZero();
    }

    @Test
    void badInputIsOneLineAndExitThree(@TempDir Path tmp) throws Exception {
        CliRun missing = CliRun.of("scan", tmp.resolve("nope.sys").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(missing.err().strip()).endsWith("nope.sys: no such file or folder").doesNotContain("\n");

        Path truncated = tmp.resolve("truncated.sys");
        byte[] b = Files.readAllBytes(Path.of(DRIVERS, "clang-arm64/poolalloc.sys"));
        Files.write(truncated, java.util.Arrays.copyOf(b, 1500));
        Path notPe = tmp.resolve("readme.txt");
        Files.writeString(notPe, "not a driver");
        CliRun r = CliRun.of("scan", truncated.toString(), notPe.toString(), DRIVERS + "/clang-x86/netvideo.sys",
                "--no-localtag", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.out()).contains("clang-x86/netvideo.sys  (x86, 15 call sites");
        assertThat(r.err().lines()).hasSize(2).allMatch(l -> l.startsWith("pooltags: "));
        assertThat(r.err()).contains("truncated.sys: section .text: its data").contains("readme.txt: is text in no format pooltags knows, not a PE image (driver)");
    }

    @Test
    void nonPeFilesInFoldersAreSkippedQuietly(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("driver.inf"), "[Version]\r\n");
        Files.copy(Path.of(DRIVERS, "mingw-x64/netvideo.sys"), tmp.resolve("netvideo.sys"));
        CliRun r = CliRun.of("scan", tmp.toString(), "--no-localtag", "--tagfile", "../shared/data/pooltag/pooltag-2023.txt");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("2 files: 1 decoded, 1 with pool calls (15 call sites), 1 not PE");
    }

    @Test
    void undecodableFilesFallBackToSearchingKnownTagsBytes(@TempDir Path tmp) throws Exception {
        byte[] b = Files.readAllBytes(Path.of(DRIVERS, "clang-x64/poolalloc.sys"));
        int lfanew = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(0x3C);
        b[lfanew + 4] = 0x00; // machine 0x0200: IA-64
        b[lfanew + 5] = 0x02;
        Path ia64 = tmp.resolve("ia64.sys");
        Files.write(ia64, b);
        Path tags = tmp.resolve("tags.txt");
        Files.writeString(tags, "Pa01 - poolalloc.sys - test tag\r\nZz99 - poolalloc.sys - in a string\r\n");
        CliRun r = CliRun.of("scan", ia64.toString(), "--no-localtag", "--tagfile", tags.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("(code not decoded: unsupported machine IA-64")
                .contains("bytes of Pa01 occur").contains("bytes of Zz99 occur").contains("weaker evidence, not a call site");
    }

    /** Issue 17: a section at 2 GiB crashed the ARM64 slot search; now it is a damaged file naming the field. */
    @Test
    void aSectionPastSizeOfImageIsDamagedInputNotAnInternalError(@TempDir Path tmp) throws Exception {
        byte[] b = Files.readAllBytes(Path.of(DRIVERS, "clang-arm64/poolalloc.sys"));
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int lfanew = bb.getInt(0x3C);
        bb.putInt(lfanew + 24 + (bb.getShort(lfanew + 20) & 0xFFFF) + 12, 0x7FFFFFFF);
        Path bad = tmp.resolve("far.sys");
        Files.write(bad, b);
        CliRun r = CliRun.of("scan", bad.toString(), "--no-localtag");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.err().strip()).isEqualTo("pooltags: " + bad + ": section .text (header 1): VirtualAddress 0x7fffffff"
                + " + VirtualSize 0x" + Integer.toHexString(bb.getInt(lfanew + 24 + (bb.getShort(lfanew + 20) & 0xFFFF) + 8))
                + " ends past SizeOfImage 0x" + Integer.toHexString(bb.getInt(lfanew + 24 + 56)) + ": damaged");
    }

    /** A bug in pooltags on one file is exit 5, as the README says, and outranks a damaged file's 3. */
    @Test
    void anInternalErrorOnAFileExitsFive() {
        java.io.StringWriter sw = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(sw, true);
        List<dev.pooltags.scan.FileScan> results = List.of(
                new dev.pooltags.scan.FileScan("a.sys", 10, dev.pooltags.scan.FileScan.Status.ERROR, null, "truncated", List.of()),
                new dev.pooltags.scan.FileScan("b.sys", 10, dev.pooltags.scan.FileScan.Status.FAILED, null,
                        "internal error while decoding (java.lang.ArithmeticException)", List.of()));
        List<dev.pooltags.scan.DriverFiles.Target> files = List.of(new dev.pooltags.scan.DriverFiles.Target(Path.of("a.sys"), true),
                new dev.pooltags.scan.DriverFiles.Target(Path.of("b.sys"), false));
        assertThat(ScanCommand.exitCode(results, files, err)).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(sw.toString().lines()).containsExactly("pooltags: a.sys: truncated",
                "pooltags: b.sys: internal error while decoding (java.lang.ArithmeticException)");
        assertThat(ScanCommand.exitCode(results.subList(0, 1), files.subList(0, 1), err)).isEqualTo(ExitCode.INPUT.code());
    }

    /** Issue 20 item 14: an import table pointing at itself was "0 pool calls"; now the imports could not be read. */
    @Test
    void anImportTablePointingAtItselfIsNotZeroPoolCalls(@TempDir Path tmp) throws Exception {
        byte[] b = Files.readAllBytes(Path.of(DRIVERS, "clang-x64/poolalloc.sys"));
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int lfanew = bb.getInt(0x3C);
        int importRva = bb.getInt(lfanew + 24 + 112 + 8);
        int desc = (int) dev.pooltags.pe.PeReader.parse("x", java.nio.ByteBuffer.wrap(b.clone())).fileOffset(importRva);
        bb.putInt(desc, importRva); // OriginalFirstThunk: the descriptors themselves
        Path self = tmp.resolve("self.sys");
        Files.write(self, b);
        CliRun r = CliRun.of("scan", self.toString(), "--no-localtag");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(r.out()).doesNotContain("0 call sites)\n").contains("1 unreadable");
        assertThat(r.err().strip()).startsWith("pooltags: " + self + ": the imports could not be read: the import lookup table"
                + " of ntoskrnl.exe (RVA 0x" + Integer.toHexString(importRva) + ") lies inside the import descriptors");
    }
}
