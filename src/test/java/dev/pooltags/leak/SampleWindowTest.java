package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SampleWindowTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** The last n samples are the newest n of those held, oldest first, whatever was dropped to make room. */
    @Property(seed = "20261206", tries = 300)
    void lastIsTheNewestSamplesHeldOldestFirst(@ForAll @IntRange(min = 1, max = 12) int capacity,
            @ForAll @IntRange(min = 0, max = 30) int added, @ForAll @IntRange(min = 0, max = 15) int n) {
        SampleWindow w = new SampleWindow(capacity);
        List<Snapshot> all = new ArrayList<>();
        for (int i = 0; i < added; i++) {
            Snapshot s = new Snapshot(T0.plusSeconds(i), "h", "test", List.of());
            all.add(s);
            w.add(s);
        }
        List<Snapshot> held = all.subList(Math.max(0, all.size() - capacity), all.size());
        assertThat(w.last(n)).containsExactlyElementsOf(held.subList(Math.max(0, held.size() - n), held.size()));
    }
}
