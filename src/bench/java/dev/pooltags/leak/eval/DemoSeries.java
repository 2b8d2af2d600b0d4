package dev.pooltags.leak.eval;

import dev.pooltags.sim.Scenario;
import dev.pooltags.sim.ScenarioSource;
import dev.pooltags.sim.Scenarios;
import dev.pooltags.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shipped demo scenarios as labelled series: each scenario simulated (as fast as it goes) at a chosen sample
 * interval and length, the truth taken from the scenario itself: a workload that never frees a share of its
 * allocations ({@code "leak"}) leaks; every other tag does not.
 */
public final class DemoSeries {
    private DemoSeries() {}

    /** One scenario sampled every {@code intervalSeconds} for {@code seconds}, with the given seed. */
    public static LabelledSeries of(String scenarioName, long seed, int intervalSeconds, int seconds) {
        Scenario base = Scenarios.byName(scenarioName)
                .orElseThrow(() -> new IllegalArgumentException("no scenario named '" + scenarioName + "'"));
        Scenario s = base.with(seconds * 1_000_000L, intervalSeconds * 1_000_000L);
        ScenarioSource source = new ScenarioSource(s, seed, ScenarioSource.Pacing.SIMULATED, false, e -> { });
        List<Snapshot> out = new ArrayList<>();
        for (Optional<Snapshot> n = source.next(); n.isPresent(); n = source.next()) {
            out.add(n.get());
        }
        Set<String> leaking = new LinkedHashSet<>();
        Set<String> healthy = new LinkedHashSet<>();
        for (Scenario.Workload w : s.workloads()) {
            (w.leak() > 0 ? leaking : healthy).add(w.tag().memoryText());
        }
        healthy.removeAll(leaking);
        return new LabelledSeries(scenarioName + " seed " + seed + " every " + intervalSeconds + "s", out, leaking, healthy,
                null);
    }
}
