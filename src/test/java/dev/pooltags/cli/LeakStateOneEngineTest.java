package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LiveLeaks;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.leak.eval.DemoSeries;
import dev.pooltags.leak.eval.LabelledSeries;
import dev.pooltags.report.LeakCell;
import dev.pooltags.report.SnapshotColumn;
import dev.pooltags.report.TopView;
import dev.pooltags.serve.LeakVerdicts;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine: after the same N samples, {@code pooltags leaks} (the command line, JSON), {@code top} (its view and
 * Leak column) and {@code serve} (its verdict provider, which feeds the dashboard and the metrics) show the same state
 * for every tag. The samples are a recording of the leak-fast demo at 1 s; N runs over the first minutes, where the
 * states change.
 */
class LeakStateOneEngineTest {
    @TempDir
    Path dir;

    @Test
    void leaksTopAndServeGiveTheSameStateAfterTheSameSamples() throws Exception {
        LabelledSeries s = DemoSeries.of("leak-fast", 1, 1, 300);
        List<Snapshot> all = s.snapshots();
        int window = 600;
        for (int n : new int[] {10, 25, 40, 60, 100, 150, 200, 300}) {
            List<Snapshot> prefix = all.subList(0, n);
            // the engine, offline
            Map<String, Verdict> engine = new TreeMap<>();
            LeakAnalysis.state(prefix, window, LeakAnalysis.EVERY, LeakOptions.live(), List.of()).ranked()
                    .forEach(v -> engine.put(v.key().toString(), v.verdict()));

            // leaks, through the real command line on a file of the first n samples
            Path file = LeaksCommandTest.write(dir.resolve("first-" + n + ".jsonl"), prefix);
            LeaksCommandTest.Run r = LeaksCommandTest.run("leaks", file.toString(), "--format", "json", "--all",
                    "--no-localtag");
            assertThat(r.code()).as(r.err()).isZero();
            Map<String, String> leaks = new TreeMap<>();
            for (JsonNode t : new ObjectMapper().readTree(r.out()).get("tags")) {
                leaks.put(t.get("tag").asText() + "/" + t.get("pool").asText(), t.get("verdict").asText());
            }

            // top: its view with the live analysis, fed sample by sample
            LiveLeaks topLeaks = LiveLeaks.defaults();
            TopView top = new TopView(SnapshotColumn.standard(true, null), null, RowOrder.BYTES, topLeaks);
            // serve: its verdict provider
            LeakVerdicts serve = new LeakVerdicts(LiveLeaks.defaults());
            Map<TagCounters.RowKey, dev.pooltags.serve.Verdict> served = Map.of();
            dev.pooltags.live.LiveSampling topLoop = new dev.pooltags.live.LiveSampling(() -> null, topLeaks);
            for (Snapshot x : prefix) {
                topLoop.observe(x); // the live loop feeds the window, the view shows it
                top.sample(x);
                served = serve.observe(x);
            }
            Map<TagCounters.RowKey, TagVerdict> topStates = topLeaks.verdicts();

            assertThat(topStates).as("top after %d samples", n).hasSameSizeAs(engine);
            for (Map.Entry<TagCounters.RowKey, TagVerdict> e : topStates.entrySet()) {
                Verdict v = e.getValue().verdict();
                assertThat(v).as("top, %s after %d samples", e.getKey(), n).isEqualTo(engine.get(e.getKey().toString()));
                String key = e.getKey().label() + "/" + e.getKey().type().poolmonName();
                assertThat(leaks.get(key)).as("leaks, %s after %d samples", key, n).isEqualTo(v.label());
                assertThat(dev.pooltags.serve.Verdict.LEVELS.get(served.get(e.getKey()).level()))
                        .as("serve, %s after %d samples", key, n).isEqualTo(v.label());
                // and what top's column shows is that state
                String cell = LeakCell.text(e.getValue(), null, null);
                assertThat(cell).isEqualTo(switch (v) {
                    case LEAK -> "LEAK";
                    case LIKELY_LEAK -> "likely";
                    case GROWING -> "growing";
                    case EARLY -> cell.startsWith("\u2026") ? cell : "\u2026";
                    case STABLE -> "";
                });
            }
        }
    }
}
