package dev.pooltags.bench;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A pool of {@code tags} tags for benchmarks, where {@code changing} of them (a fraction) move per sample, as on
 * a busy machine: produces snapshots and the x64 SystemPoolTagInformation buffer the kernel would return.
 */
final class SyntheticPool {
    private final int tags;
    private final double changing;
    private final Random rnd = new Random(42);
    private int[] tag;
    private final long[][] c; // per tag: paged allocs, frees, used, nonpaged allocs, frees, used
    private Instant time = Instant.parse("2026-01-01T00:00:00Z");

    SyntheticPool(int tags, double changing) {
        this.tags = tags;
        this.changing = changing;
        this.tag = new int[tags];
        this.c = new long[tags][6];
        for (int i = 0; i < tags; i++) {
            tag[i] = 0x20202020 + (i % 90 + 0x21) + ((i / 90) % 90 << 8) + ((i / 8100) << 16);
        }
        // in the order the kernel's table is read back in sorted form: rows of a sample arrive in key order
        tag = java.util.Arrays.stream(tag).boxed().sorted((x, y) -> PoolTag.ofValue(x).compareTo(PoolTag.ofValue(y)))
                .mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < tags; i++) {
            for (int k = 0; k < 6; k++) {
                c[i][k] = i % 3 == 0 && k < 3 ? 0 : rnd.nextInt(1 << 20);
            }
            c[i][1] = Math.min(c[i][1], c[i][0]);
            c[i][4] = Math.min(c[i][4], c[i][3]);
        }
    }

    /** Moves about {@code changing * tags} tags and the clock by one second. */
    void step() {
        int n = (int) Math.round(tags * changing);
        for (int j = 0; j < n; j++) {
            long[] t = c[rnd.nextInt(tags)];
            int base = t[0] == 0 ? 3 : rnd.nextBoolean() ? 0 : 3;
            int a = rnd.nextInt(20);
            int f = rnd.nextInt(20);
            t[base] = (t[base] + a) & 0xFFFFFFFFL;
            t[base + 1] = (t[base + 1] + f) & 0xFFFFFFFFL;
            t[base + 2] = Math.max(0, t[base + 2] + (a - f) * 64L);
        }
        time = time.plusSeconds(1);
    }

    Snapshot snapshot() {
        List<TagCounters> rows = new ArrayList<>(tags * 2);
        for (int i = 0; i < tags; i++) {
            long[] t = c[i];
            if (t[0] != 0 || t[2] != 0) {
                rows.add(TagCounters.of(PoolTag.ofValue(tag[i]), PoolType.PAGED, t[0], t[1], t[2]));
            }
            rows.add(TagCounters.of(PoolTag.ofValue(tag[i]), PoolType.NONPAGED, t[3], t[4], t[5]));
        }
        return new Snapshot(time, "bench", "synthetic", rows, Map.of("memory.available", (long) rnd.nextInt(1 << 30)));
    }

    /** The x64 SYSTEM_POOLTAG_INFORMATION buffer of the current state. */
    ByteBuffer buffer() {
        ByteBuffer b = ByteBuffer.allocate(8 + tags * 40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(tags).putInt(0);
        for (int i = 0; i < tags; i++) {
            long[] t = c[i];
            b.putInt(tag[i]).putInt((int) t[0]).putInt((int) t[1]).putInt(0).putLong(t[2]);
            b.putInt((int) t[3]).putInt((int) t[4]).putLong(t[5]);
        }
        return b.flip();
    }

    /** A live-paced source over this pool (for the top benchmark). */
    SnapshotSource source(Duration interval) {
        return new SnapshotSource() {
            @Override
            public Optional<Snapshot> next() {
                step();
                return Optional.of(snapshot());
            }

            @Override
            public String name() {
                return "synthetic:" + tags;
            }
        };
    }
}
