package dev.pooltags.sim;

import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSourceKind;

/** {@code --source demo:SCENARIO}: a scenario run endlessly against the wall clock ({@link ScenarioSource#live}). */
public final class DemoSourceKind implements SnapshotSourceKind {
    @Override
    public String kind() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo:SCENARIO (pooltags demo --list names them)";
    }

    @Override
    public SnapshotSource open(String argument) {
        return ScenarioSource.live(argument);
    }
}
