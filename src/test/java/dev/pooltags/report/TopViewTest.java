package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopViewTest {
    static Snapshot sample(int i) {
        return new Snapshot(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "h", "test", List.of(
                TagCounters.of(PoolTag.parse("Abcd"), PoolType.NONPAGED, 100 + i, 90, 5000),
                TagCounters.of(PoolTag.parse("Leak"), PoolType.PAGED, 10 + 10L * i, 0, 1000L * (1 + 10L * i)),
                TagCounters.of(PoolTag.parse("Zzzz"), PoolType.PAGED, 7, 7, 0),
                TagCounters.named("kmalloc-64", PoolType.NONPAGED, 64, 0, 4096)));
    }

    static List<String> labels(TopView v) {
        return v.rows().stream().map(r -> r.now().label()).toList();
    }

    @Test
    void poolmonKeysSortFilterAndSearch() {
        TopView v = new TopView(SnapshotColumn.standard(true, r -> r.label().equals("Leak") ? "leaky.sys - Leaky driver" : null),
                r -> r.label().equals("Leak") ? "leaky.sys - Leaky driver" : null, RowOrder.BYTES);
        v.sample(sample(0));
        assertThat(labels(v)).containsExactly("Abcd", "kmalloc-64", "Leak", "Zzzz");
        v.sample(sample(1));
        assertThat(labels(v).get(0)).isEqualTo("Leak"); // 11,000 bytes now
        v.key("t", 10);
        assertThat(labels(v)).containsExactly("Abcd", "Leak", "Zzzz", "kmalloc-64");
        v.key("a", 10);
        v.key("(", 10); // by change of allocs: Leak +10, Abcd +1
        assertThat(labels(v).subList(0, 2)).containsExactly("Leak", "Abcd");
        v.key("p", 10); // nonpaged only
        assertThat(labels(v)).containsExactlyInAnyOrder("Abcd", "kmalloc-64");
        v.key("p", 10); // paged only
        assertThat(labels(v)).containsExactlyInAnyOrder("Leak", "Zzzz");
        v.key("p", 10);
        v.key("/", 10);
        for (String c : List.of("l", "e", "a", "k", "y")) {
            v.key(c, 10); // matches the owner text, case-insensitive
        }
        assertThat(labels(v)).containsExactly("Leak");
        v.key("esc", 10);
        assertThat(labels(v)).hasSize(4);
        v.key("i", 10);
        for (String c : List.of("k", "m", "*")) {
            v.key(c, 10);
        }
        v.key("enter", 10);
        assertThat(labels(v)).containsExactly("kmalloc-64");
        assertThat(v.key("q", 10)).isFalse();
    }

    @Test
    void rendersWithinTheTerminalAndDropsChangeColumnsWhenNarrow() {
        TopView v = new TopView(SnapshotColumn.standard(true, null), null, RowOrder.BYTES);
        v.sample(sample(0));
        v.sample(sample(1));
        TopView.Screen s80 = v.render(80, 24);
        assertThat(s80.lines()).hasSize(24).allMatch(l -> l.length() <= 80);
        assertThat(s80.lines().get(3)).startsWith("Tag").contains("Bytes").contains("Per Alloc");
        assertThat(s80.lines().get(4)).startsWith("Leak").contains("(10)");
        TopView.Screen s40 = v.render(40, 10);
        assertThat(s40.lines()).hasSize(10).allMatch(l -> l.length() <= 40);
        assertThat(s40.lines().get(4)).doesNotContain("(");
    }
}
