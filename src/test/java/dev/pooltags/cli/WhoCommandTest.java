package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code pooltags who} end to end, through {@link Main#run}. */
class WhoCommandTest {
    static final String DRIVERS = ScanCommandTest.DRIVERS;
    static final String POOLTAG = "../shared/data/pooltag/pooltag-2023.txt";

    @Test
    void namesTheDriverAndRoutineThatUseATag() {
        CliRun r = CliRun.of("who", "Nv03", "--drivers", DRIVERS + "/clang-arm64", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Nv03   0x3330764E  literal '30vN'")
                .contains("Tag files: no entry names 'Nv03'")
                .containsPattern("clang-arm64/netvideo.sys +ARM64 +FltAllocatePoolAlignedWithTag +alloc +function 0x140001074, call at 0x[0-9A-F]+")
                .containsPattern("clang-arm64/netvideo.sys +ARM64 +FltFreePoolAlignedWithTag +free")
                .doesNotContain("poolalloc.sys");
    }

    @Test
    void ownersFirstThenDriversThenBytes() throws Exception {
        CliRun r = CliRun.of("who", "Zz99", "Ntfx", "'10aP'", "--drivers", DRIVERS, "--no-localtag", "--tagfile", POOLTAG,
                "--format", "json");
        JsonNode results = new ObjectMapper().readTree(r.out()).path("results");
        JsonNode zz = results.get(0);
        assertThat(zz.path("found").asBoolean()).isFalse();
        assertThat(zz.path("calls")).isEmpty();
        assertThat(zz.path("bytes")).hasSize(5);
        assertThat(zz.path("bytes").get(0).path("evidence").asText()).contains("weaker");
        JsonNode ntfx = results.get(1);
        assertThat(ntfx.path("owners").get(0).path("binary").asText()).isEqualTo("ntfs.sys");
        JsonNode pa01 = results.get(2);
        assertThat(pa01.path("tag").asText()).isEqualTo("Pa01");
        assertThat(pa01.path("calls")).hasSize(10); // alloc and free in 5 builds
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code()); // Zz99 has neither owner nor call
    }

    @Test
    void writableDataStartingAsTheTagIsReported() {
        CliRun r = CliRun.of("who", "Pa03", "--drivers", DRIVERS + "/mingw-x86", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("load their tag from writable data that starts as 'Pa03'")
                .contains("initially Pa03");
    }

    @Test
    void withoutADriversFolderSaysHowToNameOne() {
        CliRun r = CliRun.of("who", "Ntfx", "--no-localtag", "--tagfile", POOLTAG);
        if (WhoCommand.defaultDrivers() == null) {
            assertThat(r.out()).contains("Drivers: not searched; name a folder of drivers with --drivers DIR");
        }
        assertThat(r.code()).isZero();
    }

    @Test
    void patternsAndBadTagsAreUsageErrors() {
        CliRun pattern = CliRun.of("who", "Nv*", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(pattern.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(pattern.err().strip()).contains("is a pattern").doesNotContain("\n");
        CliRun tooLong = CliRun.of("who", "Toolong", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(tooLong.code()).isEqualTo(ExitCode.USAGE.code());
        CliRun missing = CliRun.of("who", "Nv01", "--drivers", "no/such/folder", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT.code());
        assertThat(missing.err().strip()).isEqualTo("pooltags: no/such/folder: no such file or folder");
    }

    @Test
    void lookupHintPointsAtWho() {
        CliRun r = CliRun.of("lookup", "Nv01", "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).contains("pooltags who Nv01 --drivers DIR");
    }

    /** Issue 17: "none of 2 files" while one of them could not be read; every unreadable file is named. */
    @Test
    void namesEveryDriverItCouldNotRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path good = java.nio.file.Path.of(DRIVERS, "clang-x64/netvideo.sys");
        java.nio.file.Files.copy(good, tmp.resolve("good.sys"));
        byte[] b = java.nio.file.Files.readAllBytes(good);
        java.nio.file.Files.write(tmp.resolve("cut.sys"), java.util.Arrays.copyOf(b, 1200));
        CliRun r = CliRun.of("who", "Zz98", "--drivers", tmp.toString(), "--no-localtag", "--tagfile", POOLTAG);
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertThat(r.out()).contains("none of 2 files in " + tmp + " (1 of them could not be read: " + tmp.resolve("cut.sys") + ")");
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("pooltags: " + tmp.resolve("cut.sys") + ": ");
        CliRun json = CliRun.of("who", "Zz98", "--drivers", tmp.toString(), "--no-localtag", "--tagfile", POOLTAG, "--format", "json");
        JsonNode unreadable = new ObjectMapper().readTree(json.out()).path("unreadable");
        assertThat(unreadable).hasSize(1);
        assertThat(unreadable.get(0).path("file").asText()).endsWith("cut.sys");
        assertThat(unreadable.get(0).path("problem").asText()).isNotEmpty();
    }
}
