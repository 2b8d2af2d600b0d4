package dev.pooltags.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkRunTest {
    /** wrk 4.1.0's report, verbatim from a run against 'pooltags serve' on this project's machine. */
    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:43021/metrics
              2 threads and 4 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   148.97ms  107.28ms 598.14ms   69.78%
                Req/Sec    16.36     13.60   100.00     86.96%
              Latency Distribution
                 50%  128.88ms
                 75%  198.09ms
                 90%  292.06ms
                 99%  495.65ms
              285 requests in 10.04s, 235.35MB read
            Requests/sec:     28.38
            Transfer/sec:     23.44MB
            """;

    @Test
    void readsRatesPercentilesAndErrors() {
        WrkRun r = WrkRun.parse(REPORT);
        assertThat(r.requests()).isEqualTo(285);
        assertThat(r.perSecond()).isEqualTo(28.38);
        assertThat(r.p50Ms()).isEqualTo(128.88);
        assertThat(r.p99Ms()).isEqualTo(495.65);
        assertThat(r.errors()).isZero();

        String failing = REPORT.replace("     99%  495.65ms", "     99%    1.20s")
                .replace("  285 requests", "  Socket errors: connect 0, read 3, write 1, timeout 2\n"
                        + "  Non-2xx or 3xx responses: 7\n  285 requests")
                .replace("     50%  128.88ms", "     50%  812.00us");
        WrkRun f = WrkRun.parse(failing);
        assertThat(f.p99Ms()).isEqualTo(1200.0);
        assertThat(f.p50Ms()).isEqualTo(0.812);
        assertThat(f.errors()).isEqualTo(13);
    }
}
