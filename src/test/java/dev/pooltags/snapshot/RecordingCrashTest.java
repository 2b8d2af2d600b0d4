package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code pooltags record} (a child JVM) with SIGKILL at random moments and checks that every
 * complete sample in the file is exactly the sample that was recorded, that a torn tail is reported rather than
 * read, and that recording into the same file again appends after the last complete sample.
 */
class RecordingCrashTest {
    static final int SAMPLES = 3000;
    static final int TAGS = 200;

    /** A long input recording, written streaming: 5% of the rows change per sample. */
    static void writeInput(Path f) {
        Random r = new Random(11);
        long[] allocs = new long[TAGS];
        long[] frees = new long[TAGS];
        long[] bytes = new long[TAGS];
        try (RecordingWriter w = RecordingWriter.open(f, false)) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (int s = 0; s < SAMPLES; s++) {
                List<TagCounters> rows = new ArrayList<>(TAGS);
                for (int i = 0; i < TAGS; i++) {
                    if (s == 0 || r.nextInt(20) == 0) {
                        allocs[i] += r.nextInt(50);
                        frees[i] += r.nextInt(40);
                        bytes[i] = Math.max(0, bytes[i] + r.nextInt(4001) - 1500);
                    }
                    rows.add(TagCounters.of(PoolTag.ofValue(0x61000000 + i * 7919), PoolType.values()[i % 2], allocs[i], frees[i], bytes[i]));
                }
                w.write(new Snapshot(t.plusSeconds(s), "h", "demo", rows, Map.of("memory.available", (long) r.nextInt(1 << 30))));
            }
        }
    }

    /** The first {@code n} samples of the input, compared one by one with the output's samples (streaming). */
    static void assertPrefix(Path input, List<Snapshot> output, int from) {
        try (RecordingReader in = RecordingReader.open(input)) {
            for (int i = 0; i < output.size() - from; i++) {
                Optional<Snapshot> expected = in.next();
                assertThat(expected).as("input sample %d", i).isPresent();
                Snapshot got = output.get(from + i);
                assertThat(got.time()).isEqualTo(expected.get().time());
                assertThat(got.rows()).as("sample %d", i).isEqualTo(expected.get().rows());
                assertThat(got.totals()).isEqualTo(expected.get().totals());
            }
        }
    }

    @Test
    void killedAtRandomMomentsKeepsEveryCompleteSample(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.rec");
        writeInput(input);
        Random r = new Random(System.nanoTime());
        int torn = 0;
        for (int round = 0; round < 4; round++) {
            Path out = dir.resolve("out" + round + ".rec");
            Process p = new ProcessBuilder(ChildJvm.command("record", "--source", "replay:" + input, "-o", out.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log" + round).toFile()).start();
            // wait until it is writing samples, then kill it at a random moment while it writes
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (p.isAlive() && (!Files.exists(out) || Files.size(out) < 8_000) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(r.nextInt(150));
            p.destroyForcibly(); // SIGKILL
            p.waitFor(10, TimeUnit.SECONDS);
            RecordingReader.Contents c = RecordingReader.readAll(out);
            assertThat(c.samples()).as("round %d: some samples were written", round).isNotEmpty();
            assertPrefix(input, c.samples(), 0);
            if (c.tornTail().isPresent()) {
                torn++;
            }
            if (round == 0) {
                // recording into the killed file again appends the whole input after the complete samples
                int kept = c.samples().size();
                Process again = new ProcessBuilder(ChildJvm.command("record", "--source", "replay:" + input, "-o", out.toString()))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("again").toFile()).start();
                assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(again.exitValue()).as(Files.readString(dir.resolve("again"))).isZero();
                RecordingReader.Contents after = RecordingReader.readAll(out);
                assertThat(after.tornTail()).isEmpty();
                assertThat(after.samples()).hasSize(kept + SAMPLES);
                assertPrefix(input, after.samples(), kept);
            }
        }
        System.out.println("crash test: " + torn + " of 4 kills left a torn tail (reported, not read)");
    }
}
