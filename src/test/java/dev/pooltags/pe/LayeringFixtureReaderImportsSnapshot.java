package dev.pooltags.pe;

import dev.pooltags.snapshot.Snapshot;

/**
 * A deliberately wrong PE reader (test sources only): it imports a package of its own floor that its row does not
 * list. LayeringRulesBiteTest.
 */
final class LayeringFixtureReaderImportsSnapshot {
    private LayeringFixtureReaderImportsSnapshot() {}

    static long bytes(Snapshot s) {
        return s.totalBytes(dev.pooltags.tag.PoolType.PAGED);
    }
}
