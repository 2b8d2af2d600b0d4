package dev.pooltags.tag;

import dev.pooltags.snapshot.TagCounters;

/** A deliberately wrong tag class (test sources only): snapshot imports tag, so this closes a cycle. LayeringRulesBiteTest. */
final class LayeringFixtureTagImportsSnapshot {
    private LayeringFixtureTagImportsSnapshot() {}

    static PoolTag tagOf(TagCounters c) {
        return c.tag();
    }
}
