package dev.pooltags.serve;

import dev.pooltags.live.LiveSampling;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Takes samples from a source through the live loop ({@link LiveSampling}) and turns each into what the server publishes: the {@link PoolView}, the metrics,
 * the history and the verdicts. One thread calls {@link #sample()}; web threads only read {@link #view()}.
 *
 * <p>The server samples on its own schedule rather than once per scrape: scrapes never wait for the source, several
 * Prometheus servers scraping see the same counters, and the 32-bit wrap is followed by a single observer.
 */
public final class PoolSampler {
    private final LiveSampling sampling;
    private final Function<PoolTag, String> owners;
    private final Map<PoolTag, String> ownerCache = new HashMap<>();
    private final CardinalityLimit limit;
    private final VerdictProvider verdicts;
    private final History history;
    private final PoolMetrics metrics = new PoolMetrics();
    private final MonotonicCounters counters = new MonotonicCounters();
    private final LongSupplier nanoTime;
    private final Clock clock;
    private final Consumer<String> log;
    private final Counter samplesTaken;
    private final Counter sampleErrors;
    private final Gauge sampleDuration;
    private final Counter verdictErrors;

    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile PoolView view;
    private Map<TagCounters.RowKey, Verdict> lastVerdicts = Map.of();
    private long taken;
    private long errors;

    /**
     * @param owners    the owner binary of a tag, or null/empty when unknown
     * @param registry  where the pool metrics and the sampler's own metrics are registered
     * @param log       one line per problem (sampling errors), for the operator
     */
    public PoolSampler(SnapshotSource source, Function<PoolTag, String> owners, CardinalityLimit limit,
            VerdictProvider verdicts, History history, PrometheusRegistry registry, LongSupplier nanoTime, Clock clock,
            Consumer<String> log) {
        this.sampling = new LiveSampling(source, null); // the verdicts come from the VerdictProvider
        this.owners = owners;
        this.limit = limit;
        this.verdicts = verdicts;
        this.history = verdicts.samples().map(history::over).orElse(history); // one window of samples, not two
        this.nanoTime = nanoTime;
        this.clock = clock;
        this.log = log;
        registry.register(metrics);
        samplesTaken = Counter.builder().name("pooltags_samples").help("Samples taken from the source.")
                .register(registry);
        sampleErrors = Counter.builder().name("pooltags_sample_errors")
                .help("Samples that failed (the previous sample stays published).").register(registry);
        verdictErrors = Counter.builder().name("pooltags_verdict_errors")
                .help("Samples the leak verdict provider failed on.").register(registry);
        sampleDuration = Gauge.builder().name("pooltags_sample_duration_seconds").unit(Unit.SECONDS)
                .help("How long taking the latest sample from the source took (the scrape work; scrapes themselves "
                        + "only read the published sample).")
                .register(registry);
    }

    /**
     * Takes the next sample and publishes it. Returns false when the source is exhausted (the last sample stays
     * published). A source failure is counted and rethrown; the previous sample stays published.
     */
    public synchronized boolean sample() {
        long start = nanoTime.getAsLong();
        Optional<Snapshot> next;
        try {
            next = sampling.next();
        } catch (RuntimeException e) {
            errors++;
            sampleErrors.inc();
            if (view != null) {
                view = view.with(errors, view.exhausted());
                listeners.forEach(Runnable::run);
            }
            throw e;
        }
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        if (next.isEmpty()) {
            if (view != null && !view.exhausted()) {
                view = view.with(errors, true);
                metrics.update(view);
                listeners.forEach(Runnable::run);
            }
            return false;
        }
        Snapshot s = next.get();
        taken++;
        Map<TagCounters.RowKey, MonotonicCounters.Totals> totals = counters.advance(s);
        Set<TagCounters.RowKey> exported = limit.select(s.rows());
        List<PoolRow> rows = new ArrayList<>(s.rows().size());
        TagCounters.RowKey previous = null;
        for (TagCounters r : s.rows()) {
            TagCounters.RowKey key = r.key();
            if (key.equals(previous)) {
                // a repeated row: its counters were summed into the first one, whose bytes get this row's too
                PoolRow first = rows.remove(rows.size() - 1);
                MonotonicCounters.Totals t = totals.get(key);
                rows.add(new PoolRow(key, first.label(), first.pool(), first.owner(), first.bytes() + r.bytes(),
                        t.allocs() - t.frees(), t.allocs(), t.frees(), first.exported()));
                continue;
            }
            previous = key;
            MonotonicCounters.Totals t = totals.get(key);
            String label = r.tag() != null ? r.tag().toString() : r.name();
            rows.add(new PoolRow(key, label, r.type().poolmonName(), owner(r.tag()), r.bytes(), r.outstanding(),
                    t.allocs(), t.frees(), exported.contains(key)));
        }
        Map<TagCounters.RowKey, Verdict> v;
        try {
            v = verdicts.observe(s);
            lastVerdicts = v;
        } catch (RuntimeException e) {
            verdictErrors.inc();
            log.accept("leak verdicts failed on the sample of " + s.time() + ": " + e.getMessage());
            v = lastVerdicts;
        }
        PoolView pv = new PoolView(s, rows, taken, errors, clock.instant(), seconds, v, false);
        history.record(s.time().toEpochMilli(), rows);
        metrics.update(pv);
        sampleDuration.set(seconds);
        samplesTaken.inc();
        view = pv;
        listeners.forEach(Runnable::run);
        return true;
    }

    /**
     * The owner label: looked up once per tag and kept for the life of the process (a tag file edited under a
     * running server must not split a tag's series in two), and one spelling for "no owner", the empty string,
     * whether the tag is in no tag file or listed there as {@code <unknown>}.
     */
    private String owner(PoolTag tag) {
        if (tag == null) {
            return "";
        }
        return ownerCache.computeIfAbsent(tag, t -> {
            String o = owners.apply(t);
            return o == null || o.isBlank() || o.trim().equalsIgnoreCase("<unknown>") ? "" : o.trim();
        });
    }

    /** Runs {@code r} on the sampler thread after each publication (a sample, a failure, the end of the source). */
    public void onPublish(Runnable r) {
        listeners.add(r);
    }

    /** The latest published view, or null before the first sample. */
    public PoolView view() {
        return view;
    }

    public History history() {
        return history;
    }

    public VerdictProvider verdicts() {
        return verdicts;
    }

    public SnapshotSource source() {
        return sampling.source();
    }
}
