package dev.pooltags.sim;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.pool.Violation;
import dev.pooltags.snapshot.BigPoolAllocation;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.source.UsageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Per-tag snapshots of a running scenario, one per sample interval of simulated time, from the model's per-tag
 * accounting (paged and nonpaged apart, bytes with the pool's block rounding). Attach it as
 * {@code --source demo:SCENARIO}: {@code new ScenarioSource("leak-slow", 1, Pacing.REAL_TIME)}.
 *
 * <p>The first snapshot is taken at simulated time 0 (after the scenario's initial allocations), then one every
 * interval. A bounded source ends after the scenario's duration; an endless one keeps the workloads running.
 * With {@link Pacing#REAL_TIME} {@link #next()} waits until the wall clock has caught up with simulated time.
 * With {@link Pacing#LIVE} (the {@code demo:} source of {@code top}, {@code record} and {@code serve}) it is a
 * live source like the kernel's: each {@link #next()} runs the simulation up to the moment of the call and stamps
 * the sample with that moment, whatever interval the caller samples at.
 */
public final class ScenarioSource implements SnapshotSource {
    /** Snapshot times of simulated runs start here, so the same seed gives the same file. */
    public static final Instant SIMULATED_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /** How {@link #next()} relates to the wall clock. */
    public enum Pacing {
        /** As fast as asked: simulated time only. */
        SIMULATED,
        /** One interval of simulated time per interval of wall-clock time. */
        REAL_TIME,
        /** Simulated time is the wall-clock time since the start: a sample is the state at the moment it is taken. */
        LIVE
    }

    private static final int KEPT_VIOLATIONS = 1000;

    private final Scenario scenario;
    private final long seed;
    private final Pacing pacing;
    private final Instant start;
    private final boolean endless;
    private final Simulation sim;
    private final List<Violation> violations = new ArrayList<>();
    private final LongSupplier nanoTime;
    private final long wallStart;
    private long violationCount;
    private long nextSample;

    /**
     * The live {@code demo:SCENARIO} source of {@code top}, {@code record} and {@code serve}: a shipped scenario
     * running endlessly in real time, sampled every second so a view refreshing each second sees it move.
     *
     * @throws UsageException when no scenario has this name
     */
    public static ScenarioSource live(String scenarioName) {
        Scenario s = Scenarios.byName(scenarioName).orElseThrow(() -> new UsageException(
                (scenarioName.isEmpty() ? "demo needs a scenario: demo:SCENARIO" : "no scenario named '" + scenarioName + "'")
                        + "; the scenarios are " + String.join(", ", Scenarios.NAMES)));
        return live(s, System::nanoTime);
    }

    /** A shipped scenario running endlessly against {@code nanoTime} (a test's clock), sampled when asked. */
    public static ScenarioSource live(Scenario s, LongSupplier nanoTime) {
        return new ScenarioSource(s.with(0, 1_000_000L), s.seed(), Pacing.LIVE, true, e -> { }, nanoTime);
    }

    /**
     * A bounded run of a shipped scenario.
     *
     * @throws IllegalArgumentException when no scenario has this name
     */
    public ScenarioSource(String scenarioName, long seed, Pacing pacing) {
        this(Scenarios.byName(scenarioName).orElseThrow(() -> new IllegalArgumentException("no scenario named '" + scenarioName
                + "'; the scenarios are " + String.join(", ", Scenarios.NAMES))), seed, pacing, false, e -> { });
    }

    /**
     * @param endless keep running past the scenario's duration
     * @param trace   receives every pool event as it happens
     */
    public ScenarioSource(Scenario scenario, long seed, Pacing pacing, boolean endless, Consumer<PoolEvent> trace) {
        this(scenario, seed, pacing, endless, trace, System::nanoTime);
    }

    private ScenarioSource(Scenario scenario, long seed, Pacing pacing, boolean endless, Consumer<PoolEvent> trace,
            LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.wallStart = nanoTime.getAsLong();
        this.scenario = Objects.requireNonNull(scenario);
        this.seed = seed;
        this.pacing = Objects.requireNonNull(pacing);
        this.endless = endless;
        this.start = pacing == Pacing.SIMULATED ? SIMULATED_EPOCH : Instant.now();
        this.sim = new Simulation(scenario, seed, trace, v -> {
            violationCount++;
            if (violations.size() < KEPT_VIOLATIONS) {
                violations.add(v);
            }
        });
    }

    @Override
    public Optional<Snapshot> next() {
        if (pacing == Pacing.LIVE) {
            // the moment of the call, in microseconds since the start, never going back
            long now = Math.max(nextSample, (nanoTime.getAsLong() - wallStart) / 1000);
            sim.runUntil(now);
            nextSample = now;
            return Optional.of(sim.model().snapshot(start.plusNanos(now * 1000), "", name()));
        }
        if (!endless && nextSample > scenario.duration()) {
            return Optional.empty();
        }
        if (pacing == Pacing.REAL_TIME) {
            long waitNanos = nextSample * 1000 - (nanoTime.getAsLong() - wallStart);
            if (waitNanos > 0) {
                try {
                    Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        sim.runUntil(nextSample);
        Snapshot s = sim.model().snapshot(start.plusNanos(nextSample * 1000), "", name());
        nextSample += scenario.interval();
        return Optional.of(s);
    }

    @Override
    public String name() {
        return "demo:" + scenario.name();
    }

    /** The simulated kernel's big-pool table now. */
    @Override
    public Optional<List<BigPoolAllocation>> bigPool() {
        return Optional.of(sim.model().bigPoolTable());
    }

    @Override
    public boolean isSimulated() {
        return pacing == Pacing.SIMULATED;
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return seed;
    }

    /** When simulated time 0 is. */
    public Instant start() {
        return start;
    }

    /** The simulation (its model holds the per-tag counters and outstanding blocks). */
    public Simulation simulation() {
        return sim;
    }

    /** Rules broken so far (the first {@value #KEPT_VIOLATIONS}). */
    public List<Violation> violations() {
        return Collections.unmodifiableList(violations);
    }

    /** All rules broken so far. */
    public long violationCount() {
        return violationCount;
    }
}
