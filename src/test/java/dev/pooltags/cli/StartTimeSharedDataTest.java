package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a replayed PoolMonX CSV from 2018 was stamped with the time the file was copied, silently. Formats
 * without a time of their own now say so, and {@code --start TIME} sets it (later files keep their distance).
 */
class StartTimeSharedDataTest {
    static final Path POOLMONX = Path.of("../shared/data/snapshots/poolmonx-win10-2018.csv");

    @Test
    void aFileWithoutTimesSaysSoAndStartSetsIt() throws Exception {
        Instant mtime = Files.getLastModifiedTime(POOLMONX).toInstant();
        CliRun plain = CliRun.of("snapshot", "--source", "replay:" + POOLMONX, "--format", "json", "--no-localtag");
        assertThat(plain.code()).isZero();
        assertThat(plain.err().strip()).isEqualTo("pooltags: warning: " + POOLMONX + " holds no time of its own (a PoolMonX CSV):"
                + " stamped with the file's modification time (" + mtime + "); give --start TIME for when it was taken");
        assertThat(plain.out()).contains("\"time\":\"" + mtime + "\"");

        CliRun started = CliRun.of("snapshot", "--source", "replay:" + POOLMONX, "--format", "json", "--no-localtag",
                "--start", "2018-05-19 14:00");
        assertThat(started.code()).isZero();
        assertThat(started.err()).isEmpty();
        assertThat(started.out()).contains("\"time\":\"2018-05-19T14:00:00Z\"");

        CliRun converted = CliRun.of("convert", POOLMONX.toString(), "--format", "csv", "--start", "2018-05-19T16:00:00+02:00");
        assertThat(converted.err()).isEmpty();
        assertThat(converted.out()).contains("2018-05-19T14:00:00Z");

        CliRun bad = CliRun.of("convert", POOLMONX.toString(), "--format", "csv", "--start", "yesterday");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("'yesterday' is not a time such as 2018-05-19T14:00:00Z");
    }

    @Test
    void laterFilesKeepTheirDistanceFromTheFirst(@TempDir Path dir) throws Exception {
        Path a = Files.copy(POOLMONX, dir.resolve("a.csv"));
        Path b = Files.copy(POOLMONX, dir.resolve("b.csv"));
        Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2026-03-01T10:00:00Z")));
        Files.setLastModifiedTime(b, FileTime.from(Instant.parse("2026-03-01T10:05:00Z")));
        CliRun r = CliRun.of("convert", dir.toString(), "--format", "json", "--start", "2018-05-19T14:00:00Z");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"time\":\"2018-05-19T14:00:00Z\"").contains("\"time\":\"2018-05-19T14:05:00Z\"");
        CliRun warned = CliRun.of("convert", dir.toString(), "--format", "json");
        assertThat(warned.err()).contains("a.csv and 1 more files hold no time of their own (a PoolMonX CSV): stamped with"
                + " their modification times (2026-03-01T10:00:00Z for the first); give --start TIME for when the first was taken");
    }
}
