package dev.pooltags.sim;

import dev.pooltags.pool.PoolEvent;
import dev.pooltags.pool.Violation;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Per-tag snapshots of a running scenario, one per sample interval of simulated time, from the model's per-tag
 * accounting (paged and nonpaged apart, bytes with the pool's block rounding). Attach it as
 * {@code --source demo:SCENARIO}: {@code new ScenarioSource("leak-slow", 1, Pacing.REAL_TIME)}.
 *
 * <p>The first snapshot is taken at simulated time 0 (after the scenario's initial allocations), then one every
 * interval. A bounded source ends after the scenario's duration; an endless one keeps the workloads running.
 * With {@link Pacing#REAL_TIME} {@link #next()} waits until the wall clock has caught up with simulated time.
 */
public final class ScenarioSource implements SnapshotSource {
    /** Snapshot times of simulated runs start here, so the same seed gives the same file. */
    public static final Instant SIMULATED_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    /** How {@link #next()} relates to the wall clock. */
    public enum Pacing {
        /** As fast as asked: simulated time only. */
        SIMULATED,
        /** One interval of simulated time per interval of wall-clock time. */
        REAL_TIME
    }

    private static final int KEPT_VIOLATIONS = 1000;

    private final Scenario scenario;
    private final long seed;
    private final Pacing pacing;
    private final Instant start;
    private final boolean endless;
    private final Simulation sim;
    private final List<Violation> violations = new ArrayList<>();
    private final long wallStart = System.nanoTime();
    private long violationCount;
    private long nextSample;

    /**
     * The live {@code demo:SCENARIO} source of {@code top}, {@code record} and {@code serve}: a shipped scenario
     * running endlessly in real time, sampled every second so a view refreshing each second sees it move.
     *
     * @throws dev.pooltags.cli.UsageException when no scenario has this name
     */
    public static ScenarioSource live(String scenarioName) {
        Scenario s = Scenarios.byName(scenarioName).orElseThrow(() -> new dev.pooltags.cli.UsageException(
                (scenarioName.isEmpty() ? "demo needs a scenario: demo:SCENARIO" : "no scenario named '" + scenarioName + "'")
                        + "; the scenarios are " + String.join(", ", Scenarios.NAMES)));
        return new ScenarioSource(s.with(0, 1_000_000L), s.seed(), Pacing.REAL_TIME, true, e -> { });
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
        if (!endless && nextSample > scenario.duration()) {
            return Optional.empty();
        }
        if (pacing == Pacing.REAL_TIME) {
            long waitNanos = nextSample * 1000 - (System.nanoTime() - wallStart);
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
