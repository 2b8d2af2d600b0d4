package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamingReplayTest {
    @Test
    @DisplayName("a 2,000,000-event replay holding up to 20,000 allocations fits a 32 MB heap (memory follows outstanding, not length)")
    void smallHeap() throws Exception {
        File out = File.createTempFile("streaming", ".txt");
        try {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m", "-cp",
                    System.getProperty("java.class.path"), StreamingReplayMain.class.getName(), "2000000", "20000"))
                    .redirectErrorStream(true).redirectOutput(out).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(out.toPath());
            assertThat(p.exitValue()).as(text).isZero();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("events 2000000 outstanding (\\d+) generated (\\d+)").matcher(text);
            assertThat(m.find()).as(text).isTrue();
            assertThat(m.group(1)).isEqualTo(m.group(2));
            assertThat(Integer.parseInt(m.group(1))).isGreaterThan(19_000);
        } finally {
            out.delete();
        }
    }
}
