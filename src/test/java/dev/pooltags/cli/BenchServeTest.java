package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.TestTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A small {@code pooltags bench serve}: the real server under wrk on 127.0.0.1, no errors, the report printed. */
class BenchServeTest {
    @Test
    void smallLoadTestRunsWithoutErrors() {
        TestTools.require("wrk");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "serve", "--tags", "300", "--duration", "1s", "--scrapes", "300",
            "--max-time", "30s", "--rate", "50", "--slow-clients", "20"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        String report = out.toString();
        assertThat(report).contains("serve load test: 300 tags", "baseline: same bytes from memory",
                "/metrics paced at ~50 req/s", "/metrics paced, 20 slow clients", "memory: heap after full GC");
        // no errors in any run (last column of the three run lines)
        assertThat(report.lines().filter(l -> l.startsWith("/metrics") || l.startsWith("baseline"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1))).containsOnly("0");
    }
}
