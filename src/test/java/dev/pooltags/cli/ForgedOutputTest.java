package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Issue 20 items 10 and 11: names and texts from input (file names, owner descriptions, row names, hosts) that
 * hold ESC sequences, line breaks, C1 controls or bidirectional overrides reach the terminal escaped, in every
 * command's text output and error lines, so no screen is cleared and no finding is forged; and JUnit XML stays
 * valid XML whatever the names hold.
 */
class ForgedOutputTest {
    /** What must never reach a terminal raw. */
    static final String EVIL = "\u001B[2J\u001B]0;pwned\u0007\u009B31m\u202E";

    static void assertClean(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c >= 0x7F && c <= 0x9F;
            boolean bidi = c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
            assertThat(control || bidi).as(what + ": character U+%04X at %d in %s", (int) c, i, text).isFalse();
        }
    }

    @Test
    void aForgedLintFindingInAFileNameStaysOneEscapedLine(@TempDir Path dir) throws Exception {
        String name = "a" + EVIL + "\nfake.c(1,1): error PT999: forged finding\nx.c";
        Path src = dir.resolve(name);
        Files.copy(Path.of("src/test/resources/lint/cases/PT005-wrapper-macros.c"), src);
        CliRun r = CliRun.of("lint", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS.code());
        assertClean("lint", r.out());
        assertThat(r.out().lines()).noneMatch(l -> l.startsWith("fake.c"));
        assertThat(r.out()).contains("\\x1B[2J").contains("\\x0Afake.c(1,1): error PT999");
        CliRun tags = CliRun.of("lint", "--tags", dir.toString());
        assertClean("lint --tags", tags.out());
        CliRun localtag = CliRun.of("lint", "--tags", dir.toString(), "--format", "localtag");
        assertClean("lint --tags localtag", localtag.out());
        assertThat(localtag.out().lines()).noneMatch(l -> l.startsWith("fake.c"));
        CliRun missing = CliRun.of("lint", dir.resolve("gone" + EVIL + ".c").toString());
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT.code());
        assertClean("lint error", missing.err());
    }

    @Test
    void ownerTextsFromATagFileAreEscaped(@TempDir Path dir) throws Exception {
        Path tags = dir.resolve("pooltag.txt");
        Files.writeString(tags, "Ev1l - evil" + EVIL + ".sys - looks " + EVIL + " harmless\r\n", StandardCharsets.UTF_8);
        for (String format : List.of("text", "csv")) {
            CliRun r = CliRun.of("lookup", "Ev1l", "--no-localtag", "--tagfile", tags.toString(), "--format", format);
            assertThat(r.code()).isZero();
            if (format.equals("text")) {
                assertClean("lookup", r.out());
                assertThat(r.out()).contains("evil\\x1B[2J");
            }
        }
        CliRun binary = CliRun.of("lookup", "--binary", "evil" + EVIL + ".sys", "--no-localtag", "--tagfile", tags.toString());
        assertClean("lookup --binary", binary.out());
        CliRun check = CliRun.of("lookup", "--check", tags.toString());
        assertClean("lookup --check", check.out());
        CliRun bad = CliRun.of("lookup", "X" + EVIL, "--no-localtag", "--tagfile", tags.toString());
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
        assertClean("lookup usage error", bad.err());
    }

    @Test
    void driverFileNamesInScanAndWhoAreEscaped(@TempDir Path dir) throws Exception {
        Path drivers = Files.createDirectories(dir.resolve("drivers"));
        Files.copy(Path.of(ScanCommandTest.DRIVERS, "clang-x64/poolalloc.sys"), drivers.resolve("pa" + EVIL + "\nfake.sys"));
        byte[] b = Files.readAllBytes(Path.of(ScanCommandTest.DRIVERS, "clang-x64/netvideo.sys"));
        Files.write(drivers.resolve("cut" + EVIL + ".sys"), java.util.Arrays.copyOf(b, 1000));
        CliRun scan = CliRun.of("scan", drivers.toString(), "--no-localtag");
        assertClean("scan", scan.out());
        assertClean("scan errors", scan.err());
        assertThat(scan.out()).contains("\\x0Afake.sys");
        CliRun localtag = CliRun.of("scan", drivers.toString(), "--no-localtag", "--format", "localtag");
        assertClean("scan localtag", localtag.out());
        CliRun who = CliRun.of("who", "Pa01", "--drivers", drivers.toString(), "--no-localtag");
        assertClean("who", who.out());
        assertClean("who errors", who.err());
    }

    /** Ten samples of a named row and a tag whose names and host hold what must not reach a terminal. */
    static Path series(Path dir, String name) throws Exception {
        Path f = dir.resolve("series.jsonl");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 30; i++) {
                List<TagCounters> rows = new ArrayList<>();
                rows.add(new TagCounters(null, name, PoolType.NONPAGED, 100 + 50L * i, 10, 4096 + 8192L * i));
                rows.add(TagCounters.of(PoolTag.ofValue(0x1B025B01), PoolType.PAGED, 100 + 40L * i, 5, 1000 + 4000L * i));
                SnapshotJsonLines.write(w, new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i),
                        "host" + EVIL, "test", rows, Map.of()));
            }
        }
        return f;
    }

    @Test
    void rowNamesHostsAndOwnersInSnapshotAndLeaksAreEscaped(@TempDir Path dir) throws Exception {
        Path f = series(dir, "slab" + EVIL + "\nfake");
        CliRun snap = CliRun.of("snapshot", "--source", "replay:" + f, "--no-localtag");
        assertThat(snap.code()).as(snap.err()).isZero();
        assertClean("snapshot", snap.out());
        CliRun top = CliRun.of("top", "--once", "--source", "replay:" + f, "--no-localtag");
        assertClean("top --once", top.out());
        CliRun leaks = CliRun.of("leaks", f.toString(), "--all", "--no-localtag");
        assertThat(leaks.code()).as(leaks.err()).isZero();
        assertClean("leaks", leaks.out());
        assertThat(leaks.out()).contains("slab\\x1B[2J");
    }

    @Test
    void junitXmlIsValidWhateverTheNamesHold(@TempDir Path dir) throws Exception {
        Path f = series(dir, "ctl\u0001\u0002\u001B name\uFFFE");
        Path xml = dir.resolve("leaks.xml");
        CliRun r = CliRun.of("leaks", f.toString(), "--format", "junit", "--no-localtag", "-o", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(xml, StandardCharsets.UTF_8);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(text).contains("ctl\\x01\\x02\\x1B name\\uFFFE").doesNotContain("\u0001").doesNotContain("&#1;");
    }
}
