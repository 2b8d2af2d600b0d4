package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PoolMon's start-up switches as PoolMon writes them, on {@code top}. */
class PoolMonSwitchesTest {
    @Test
    void switchesBecomeTopsOptionsAndNothingElseChanges() {
        assertThat(PoolMonSwitches.translate(new String[] {"top", "/iAfd?", "/xNtf*", "/p", "/p", "/e", "/(", "/B", "/l", "/s3"}))
                .containsExactly("top", "-iAfd?", "-xNtf*", "-p", "-p", "-e", "-(", "-b", "-l", "-s3");
        assertThat(PoolMonSwitches.translate(new String[] {"top", "/g", "/home/me/pooltag.txt", "/n", "/tmp/snap.log", "/?"}))
                .containsExactly("top", "-g", "/home/me/pooltag.txt", "-n", "/tmp/snap.log", "--help");
        assertThat(PoolMonSwitches.translate(new String[] {"top", "/g", "/irq.txt"})).containsExactly("top", "-g", "/irq.txt");
        assertThat(PoolMonSwitches.translate(new String[] {"snapshot", "/b"})).containsExactly("snapshot", "/b");
        assertThat(PoolMonSwitches.translate(new String[] {"top", "--source", "replay:/p"})).containsExactly("top", "--source", "replay:/p");
    }

    @Test
    void topTakesThemAsPoolMonDoes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("poolsnap.log");
        Files.writeString(f, SnapshotCommandsTest.SCREEN);
        Path tags = Files.writeString(dir.resolve("tags.txt"), "Leak - leaky.sys - test\r\n");
        CliRun paged = CliRun.of("top", "--source", "replay:" + f, "--once", "--no-localtag", "/p", "/p", "/b", "/e", "/g", tags.toString());
        assertThat(paged.code()).as(paged.err()).isZero();
        assertThat(paged.out()).contains("sort bytes   pool paged").contains("owners: tags.txt");
        assertThat(paged.out().lines().filter(l -> l.startsWith("Leak"))).singleElement().asString().contains("leaky.sys - test");
        assertThat(paged.out()).contains("Total Paged").doesNotContain("Abcd");

        CliRun include = CliRun.of("top", "--source", "replay:" + f, "--once", "--no-localtag", "/iAb*", "/iI?", "/xIo", "/a");
        assertThat(include.out()).contains("sort allocs").contains("pattern Ab* I? not Io");
        assertThat(include.out().lines().filter(l -> l.matches("^(Abcd|Leak|Io) .*"))).containsExactly(
                include.out().lines().filter(l -> l.startsWith("Abcd")).findFirst().orElseThrow());

        Path log = dir.resolve("out.log");
        CliRun n = CliRun.of("top", "--source", "replay:" + f, "--no-localtag", "/t", "/n", log.toString());
        assertThat(n.code()).as(n.err()).isZero();
        assertThat(Files.readString(log)).contains(" Tag  Type     Allocs").contains(" Abcd Nonp ");

        CliRun two = CliRun.of("top", "--source", "replay:" + f, "--once", "/b", "/a");
        assertThat(two.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(two.err()).contains("two sorts given");
        CliRun three = CliRun.of("top", "--source", "replay:" + f, "--once", "/p", "/p", "/p");
        assertThat(three.code()).isEqualTo(ExitCode.USAGE.code());
        CliRun session = CliRun.of("top", "--source", "replay:" + f, "--once", "/s");
        assertThat(session.code()).isEqualTo(ExitCode.USAGE.code());
        assertThat(session.err()).contains("/s reads the live Windows session pools");
        CliRun help = CliRun.of("top", "/?");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("PoolMon's start-up switches");
    }
}
