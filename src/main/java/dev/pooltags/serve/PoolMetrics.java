package dev.pooltags.serve;

import dev.pooltags.tag.PoolType;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-tag pool metrics as Prometheus metric snapshots (the official client's model), built once per sample and
 * handed to every scrape until the next sample: a scrape never waits for the source.
 *
 * <p>Families (tag rows limited by {@link CardinalityLimit}; totals always cover every row):
 * <pre>
 * pooltags_tag_bytes{tag,pool,owner}                    gauge   bytes outstanding
 * pooltags_tag_outstanding_allocations{tag,pool,owner}  gauge   allocations outstanding
 * pooltags_tag_allocations_total{tag,pool,owner}        counter allocations (32-bit wraps added back)
 * pooltags_tag_frees_total{tag,pool,owner}              counter frees (32-bit wraps added back)
 * pooltags_tag_leak_verdict{tag,pool,owner}             gauge   leak state: 0 stable, 1 too early, 2 growing,
 *                                                               3 likely leak, 4 leak (with leak analysis on)
 * pooltags_tag_leak_score{tag,pool,owner}               gauge   0..100, the strength of the evidence behind it
 * pooltags_pool_bytes{pool}                             gauge   sum over all rows of the pool
 * pooltags_pool_tags{pool}                              gauge   rows in the pool
 * pooltags_pool_exported_tags{pool}                     gauge   rows exported as per-tag series
 * pooltags_pool_unexported_bytes{pool}                  gauge   bytes of the rows not exported
 * pooltags_system_KEY_bytes                             gauge   the source's system totals (memory.total ...)
 * pooltags_sample_timestamp_seconds                     gauge   time of the sample (simulated for replays)
 * pooltags_source_exhausted                             gauge   1 when a replay has ended
 * pooltags_source_info{source,host}                     info
 * </pre>
 */
public final class PoolMetrics implements MultiCollector {
    static final String TAG_BYTES = "pooltags_tag_bytes";
    static final String TAG_OUTSTANDING = "pooltags_tag_outstanding_allocations";
    static final String TAG_ALLOCS = "pooltags_tag_allocations";
    static final String TAG_FREES = "pooltags_tag_frees";
    static final String TAG_LEAK_VERDICT = "pooltags_tag_leak_verdict";
    static final String TAG_LEAK_SCORE = "pooltags_tag_leak_score";

    private volatile MetricSnapshots current = new MetricSnapshots();

    /** Publishes the metrics of a new sample. */
    public void update(PoolView view) {
        current = snapshotsOf(view);
    }

    @Override
    public MetricSnapshots collect() {
        return current;
    }

    /** The metric snapshots of one view (pure; the golden tests render these). */
    public static MetricSnapshots snapshotsOf(PoolView view) {
        GaugeSnapshot.Builder bytes = GaugeSnapshot.builder().name(TAG_BYTES).unit(Unit.BYTES)
                .help("Bytes outstanding for the pool tag (PoolMon's Bytes).");
        GaugeSnapshot.Builder outstanding = GaugeSnapshot.builder().name(TAG_OUTSTANDING)
                .help("Allocations outstanding for the pool tag (PoolMon's Diff: allocations minus frees).");
        CounterSnapshot.Builder allocs = CounterSnapshot.builder().name(TAG_ALLOCS)
                .help("Allocations with the pool tag; the kernel's 32-bit counter with its wraps added back.");
        CounterSnapshot.Builder frees = CounterSnapshot.builder().name(TAG_FREES)
                .help("Frees of the pool tag's allocations; the kernel's 32-bit counter with its wraps added back.");
        GaugeSnapshot.Builder leakVerdict = GaugeSnapshot.builder().name(TAG_LEAK_VERDICT)
                .help("pooltags' leak state of the tag: 0 stable, 1 too early to judge, 2 growing, 3 likely leak, 4 leak.");
        GaugeSnapshot.Builder leakScore = GaugeSnapshot.builder().name(TAG_LEAK_SCORE)
                .help("Strength of the evidence behind the leak state, 0 to 100 (leak 75+, likely 50+, growing 25+,"
                        + " too early 10+).");
        boolean judged = false;

        long[] poolBytes = new long[PoolType.values().length];
        long[] poolRows = new long[poolBytes.length];
        long[] exportedRows = new long[poolBytes.length];
        long[] unexportedBytes = new long[poolBytes.length];
        for (PoolRow r : view.rows()) {
            int p = r.key().type().ordinal();
            poolBytes[p] += r.bytes();
            poolRows[p]++;
            if (!r.exported()) {
                unexportedBytes[p] += r.bytes();
                continue;
            }
            exportedRows[p]++;
            Labels labels = Labels.of("tag", r.label(), "pool", r.pool(), "owner", r.owner());
            bytes.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(r.bytes()).build());
            outstanding.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(r.outstanding()).build());
            allocs.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(r.allocs()).build());
            frees.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(r.frees()).build());
            Verdict v = view.verdicts().get(r.key());
            if (v != null && v.level() >= 0) {
                judged = true;
                leakVerdict.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(v.level()).build());
                leakScore.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(v.score()).build());
            }
        }

        List<MetricSnapshot> out = new ArrayList<>();
        out.add(bytes.build());
        out.add(outstanding.build());
        out.add(allocs.build());
        out.add(frees.build());
        if (judged) {
            out.add(leakVerdict.build());
            out.add(leakScore.build());
        }
        out.add(perPool("pooltags_pool_bytes", Unit.BYTES, "Bytes outstanding in the pool: the sum over all its tags.",
                poolBytes));
        out.add(perPool("pooltags_pool_tags", null, "Tags (rows) in the pool.", poolRows));
        out.add(perPool("pooltags_pool_exported_tags", null,
                "Tags of the pool exported as per-tag series (the rest are only in the pool totals).", exportedRows));
        out.add(perPool("pooltags_pool_unexported_bytes", Unit.BYTES,
                "Bytes of the pool's tags not exported as per-tag series.", unexportedBytes));
        for (Map.Entry<String, Long> e : view.sample().totals().entrySet()) {
            out.add(GaugeSnapshot.builder().name(systemMetricName(e.getKey())).unit(Unit.BYTES)
                    .help("System total '" + e.getKey() + "' as the source reports it.")
                    .dataPoint(GaugeDataPointSnapshot.builder().value(e.getValue()).build()).build());
        }
        out.add(GaugeSnapshot.builder().name("pooltags_sample_timestamp_seconds").unit(Unit.SECONDS)
                .help("Time of the latest sample, as the source stamps it (simulated time for replays and demos).")
                .dataPoint(GaugeDataPointSnapshot.builder()
                        .value(view.sample().time().toEpochMilli() / 1000.0).build()).build());
        out.add(GaugeSnapshot.builder().name("pooltags_source_exhausted")
                .help("1 when a finite source (a replay) has ended and its last sample is being served.")
                .dataPoint(GaugeDataPointSnapshot.builder().value(view.exhausted() ? 1 : 0).build()).build());
        out.add(InfoSnapshot.builder().name("pooltags_source").help("The snapshot source being served.")
                .dataPoint(InfoSnapshot.InfoDataPointSnapshot.builder()
                        .labels(Labels.of("source", view.sample().source(), "host", view.sample().host())).build())
                .build());
        return new MetricSnapshots(out);
    }

    private static GaugeSnapshot perPool(String name, Unit unit, String help, long[] values) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            b.unit(unit);
        }
        for (PoolType t : PoolType.values()) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("pool", t.poolmonName()))
                    .value(values[t.ordinal()]).build());
        }
        return b.build();
    }

    /** {@code memory.total} becomes {@code pooltags_system_memory_total_bytes}. */
    static String systemMetricName(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return "pooltags_system_" + (k.isEmpty() ? "unnamed" : k) + "_bytes";
    }
}
