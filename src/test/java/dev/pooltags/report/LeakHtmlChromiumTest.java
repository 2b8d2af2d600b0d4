package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pooltags.cli.Main;
import dev.pooltags.leak.eval.EvaluationSet.Scenario;
import dev.pooltags.leak.eval.SyntheticRecording;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotJsonLines;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report opened in headless Chromium (Debian package {@code chromium}, installed by .ci/run): the DOM the
 * browser builds has a chart per metric of every suspect, and the screenshot (kept in target/leak-html/) shows the
 * series and the trend in their colours. Skipped only where no Chromium is installed.
 */
class LeakHtmlChromiumTest {
    static final Path OUT = Path.of("target", "leak-html");
    static Path html;

    static String chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    @BeforeAll
    static void report() throws IOException {
        Files.createDirectories(OUT);
        Path rec = OUT.resolve("recording.jsonl");
        List<Snapshot> s = SyntheticRecording.of(List.of(Scenario.SLOW_LEAK_HEAVY_NOISE, Scenario.PLATEAU_CACHE_EXPONENTIAL,
                Scenario.LEAK_UNDER_SAWTOOTH, Scenario.HEALTHY_NOISE), 720, 30, 12);
        try (Writer w = Files.newBufferedWriter(rec, StandardCharsets.UTF_8)) {
            for (Snapshot x : s) {
                SnapshotJsonLines.write(w, x);
            }
        }
        html = OUT.resolve("report.html").toAbsolutePath();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"leaks", rec.toString(), "--format", "html", "-o", html.toString(), "--no-localtag"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
    }

    static String browse(String... extra) throws IOException, InterruptedException {
        String bin = chromium();
        Path profile = Files.createTempDirectory("pooltags-chromium");
        List<String> cmd = new ArrayList<>(List.of(bin, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path stdout = Files.createTempFile("pooltags-chromium", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 120 s");
            }
            return Files.readString(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            try (java.util.stream.Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }

    @Test
    void the_browser_builds_a_chart_for_each_metric_of_each_suspect() throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed");
        String dom = browse("--dump-dom");
        assertThat(dom).contains("<title>pooltags leaks:");
        int sections = dom.split("<section class=\"suspect\"", -1).length - 1;
        assertThat(sections).isGreaterThanOrEqualTo(2);
        assertThat(dom.split("<svg class=\"chart\"", -1).length - 1).isEqualTo(2 * sections);
        assertThat(dom).contains("data-tag=\"Ls00\"").contains("data-verdict=\"leak\"")
                .contains("<polyline class=\"series\"").contains("<line class=\"trend\"");
    }

    @Test
    void the_screenshot_shows_the_series_and_the_trend() throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed");
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        browse("--screenshot=" + png, "--window-size=1100,1400", "--hide-scrollbars");
        assertThat(png).exists();
        BufferedImage img = ImageIO.read(new File(png.toString()));
        assertThat(img.getWidth()).isEqualTo(1100);
        int blue = 0;
        int red = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x15) < 40 && Math.abs(g - 0x65) < 40 && Math.abs(b - 0xc0) < 40) {
                    blue++; // the series stroke, #1565c0
                }
                if (Math.abs(r - 0xc6) < 40 && Math.abs(g - 0x28) < 40 && Math.abs(b - 0x28) < 40) {
                    red++; // the trend and the leak badge, #c62828
                }
            }
        }
        assertThat(blue).as("series pixels").isGreaterThan(2000);
        assertThat(red).as("trend pixels").isGreaterThan(300);
    }
}
