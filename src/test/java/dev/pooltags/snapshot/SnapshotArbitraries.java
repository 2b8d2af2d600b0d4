package dev.pooltags.snapshot;

import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of snapshots and series for the round-trip properties. */
final class SnapshotArbitraries {
    private SnapshotArbitraries() {}

    static Arbitrary<TagCounters> tagRow() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.of(PoolType.values()),
                Arbitraries.longs().between(0, TagCounters.COUNTER_MODULUS - 1), Arbitraries.longs().between(0, TagCounters.COUNTER_MODULUS - 1),
                Arbitraries.longs().between(0, 1L << 40)).as((t, ty, a, f, b) -> TagCounters.of(PoolTag.ofValue(t), ty, a, f, b));
    }

    static Arbitrary<TagCounters> namedRow() {
        return Combinators.combine(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30),
                Arbitraries.longs().between(0, 1L << 33), Arbitraries.longs().between(0, 1L << 33), Arbitraries.longs().between(0, 1L << 40))
                .as((n, a, f, b) -> TagCounters.named(n, PoolType.NONPAGED, a, f, b));
    }

    /** Rows with distinct keys. */
    static List<TagCounters> distinct(List<TagCounters> rows) {
        Map<TagCounters.RowKey, TagCounters> m = new LinkedHashMap<>();
        for (TagCounters r : rows) {
            m.putIfAbsent(r.key(), r);
        }
        return new ArrayList<>(m.values());
    }

    static Arbitrary<Map<String, Long>> totals() {
        return Arbitraries.maps(Arbitraries.of("memory.total", "memory.available", "commit", "pool.paged", "slab", "x.y"),
                Arbitraries.longs().between(-5, 1L << 45)).ofMaxSize(6);
    }

    static Arbitrary<Snapshot> snapshot(boolean names) {
        Arbitrary<TagCounters> row = names ? Arbitraries.oneOf(tagRow(), namedRow()) : tagRow();
        return Combinators.combine(row.list().ofMaxSize(40), totals(),
                Arbitraries.longs().between(0, 4_000_000_000L), Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.strings().alpha().ofMaxLength(8))
                .as((rows, t, sec, nano, host) -> new Snapshot(Instant.ofEpochSecond(sec, nano), host, "src", distinct(rows), t));
    }

    /** A series that evolves like a live one: some rows change, some vanish or come back, totals move. */
    static Arbitrary<List<Snapshot>> series() {
        return Combinators.combine(snapshot(true), Arbitraries.integers().between(1, 12), Arbitraries.longs())
                .as((first, n, seed) -> evolve(first, n, new Random(seed)));
    }

    static List<Snapshot> evolve(Snapshot first, int n, Random rnd) {
        List<Snapshot> out = new ArrayList<>();
        out.add(first);
        Snapshot s = first;
        for (int i = 1; i < n; i++) {
            List<TagCounters> rows = new ArrayList<>();
            for (TagCounters r : s.rows()) {
                int dice = rnd.nextInt(10);
                if (dice == 0) {
                    continue; // vanishes
                }
                if (dice < 4) {
                    long a = (r.allocs() + rnd.nextInt(1000)) % TagCounters.COUNTER_MODULUS;
                    rows.add(new TagCounters(r.tag(), r.name(), r.type(), a, r.frees() + rnd.nextInt(3), Math.max(0, r.bytes() + rnd.nextInt(2001) - 1000)));
                } else {
                    rows.add(r);
                }
            }
            if (rnd.nextBoolean() && !first.rows().isEmpty()) {
                rows.add(first.rows().get(rnd.nextInt(first.rows().size()))); // may come back
            }
            if (rnd.nextInt(4) == 0) {
                rows.add(TagCounters.of(PoolTag.ofValue(rnd.nextInt()), PoolType.PAGED, rnd.nextInt(100), 0, rnd.nextInt(5000)));
            }
            Map<String, Long> t = new LinkedHashMap<>(s.totals());
            t.put("memory.available", (long) rnd.nextInt(1 << 30));
            if (rnd.nextInt(5) == 0) {
                t.remove("commit");
            }
            String host = rnd.nextInt(8) == 0 ? "other" : s.host(); // a host change starts a new session
            s = new Snapshot(s.time().plusMillis(rnd.nextInt(5000) - 500), host, s.source(), distinct(rows), t);
            out.add(s);
        }
        return out;
    }
}
