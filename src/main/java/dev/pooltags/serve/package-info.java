/**
 * {@code pooltags serve} and {@code pooltags rules}: per-tag pool metrics for Prometheus, the rules that alert on
 * them, and a local web dashboard.
 *
 * <p>Flow: a {@link dev.pooltags.snapshot.SnapshotSource} is sampled on a schedule ({@link
 * dev.pooltags.serve.SamplingSchedule}, {@link dev.pooltags.serve.PoolSampler}); each sample becomes an immutable
 * {@link dev.pooltags.serve.PoolView} (owners, monotonic counters, {@link dev.pooltags.serve.CardinalityLimit}),
 * Prometheus metric snapshots ({@link dev.pooltags.serve.PoolMetrics}), the dashboard's {@link
 * dev.pooltags.serve.History} and verdicts from a {@link dev.pooltags.serve.VerdictProvider}; a provider that keeps
 * samples to judge them (the leak analysis' {@link dev.pooltags.leak.SampleWindow}) lends them to the history, so the
 * server keeps one window of samples. The {@link
 * dev.pooltags.serve.WebServer} only reads what was published: a scrape never waits for the source. It runs on
 * the HTTP/1.1 server of {@code dev.pooltags.serve.http}, which keeps slow clients off its worker threads.
 * {@link dev.pooltags.serve.AlertRules} writes the rules file.
 */
package dev.pooltags.serve;
