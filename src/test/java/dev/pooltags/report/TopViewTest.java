package dev.pooltags.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.RowFilter;
import dev.pooltags.snapshot.RowOrder;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** top's view without a terminal: every run-time command of PoolMon's, and pooltags' own keys. */
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

    static TopView view() {
        return new TopView(SnapshotColumn.standard(true, r -> r.label().equals("Leak") ? "leaky.sys - Leaky driver" : ""),
                r -> r.label().equals("Leak") ? "leaky.sys - Leaky driver" : null, RowOrder.BYTES);
    }

    static void type(TopView v, String keys) {
        for (char c : keys.toCharArray()) {
            v.key(String.valueOf(c), 10);
        }
    }

    @Test
    void poolmonKeysSortFilterAndSearch() {
        TopView v = view();
        v.sample(sample(0));
        assertThat(labels(v)).containsExactly("Abcd", "kmalloc-64", "Leak", "Zzzz");
        v.sample(sample(1));
        assertThat(labels(v).get(0)).isEqualTo("Leak"); // 11,000 bytes now
        v.key("t", 10);
        assertThat(labels(v)).containsExactly("Abcd", "Leak", "Zzzz", "kmalloc-64");
        v.key("a", 10);
        assertThat(labels(v).get(0)).isEqualTo("Abcd"); // 101 allocations
        v.key("(", 10); // by change of allocs: Leak +10, Abcd +1
        assertThat(labels(v).subList(0, 2)).containsExactly("Leak", "Abcd");
        v.key(")", 10); // either parenthesis toggles back
        assertThat(labels(v).get(0)).isEqualTo("Abcd");
        v.key("f", 10);
        assertThat(labels(v).get(0)).isEqualTo("Abcd"); // 90 frees
        v.key("d", 10);
        assertThat(labels(v).get(0)).isEqualTo("kmalloc-64"); // 64 outstanding
        v.key("m", 10);
        assertThat(labels(v)).containsExactly("Leak", "Abcd", "kmalloc-64", "Zzzz"); // 11000/20, 5000/11, 4096/64, 0
        v.key("b", 10);
        assertThat(labels(v).get(0)).isEqualTo("Leak");
        v.key("p", 10); // nonpaged only
        assertThat(labels(v)).containsExactlyInAnyOrder("Abcd", "kmalloc-64");
        v.key("p", 10); // paged only
        assertThat(labels(v)).containsExactlyInAnyOrder("Leak", "Zzzz");
        v.key("p", 10);
        assertThat(labels(v)).hasSize(4);
        v.key("/", 10);
        type(v, "leaky"); // matches the owner text, case-insensitive
        assertThat(labels(v)).containsExactly("Leak");
        v.key("enter", 10);
        assertThat(labels(v)).containsExactly("Leak");
        v.key("/", 10); // a new search starts empty: typing does not append to the old one
        type(v, "km");
        assertThat(labels(v)).containsExactly("kmalloc-64");
        v.key("backspace", 10);
        v.key("backspace", 10);
        type(v, "Ab*"); // a pattern
        v.key("enter", 10);
        assertThat(labels(v)).containsExactly("Abcd");
        assertThat(v.render(100, 20).lines().get(2)).contains("search Ab*").contains("rows 1/4");
        assertThat(v.key("esc", 10)).as("Esc clears the search first").isTrue();
        assertThat(labels(v)).hasSize(4);
        assertThat(v.key("esc", 10)).as("then Esc quits, as PoolMon's").isFalse();
        assertThat(v.key("q", 10)).isFalse();
        assertThat(v.key("Q", 10)).isFalse();
    }

    @Test
    void helpOverlayListsEveryKeyAndEscClosesIt() {
        TopView v = view();
        v.sample(sample(0));
        for (String k : List.of("?", "h")) {
            assertThat(v.key(k, 10)).isTrue();
            assertThat(v.helpShown()).isTrue();
            List<String> lines = v.render(80, 24).lines();
            assertThat(lines).hasSize(24).allMatch(l -> l.length() <= 80);
            String all = String.join("\n", lines);
            for (String key : List.of("t a f d b m", "( or )", "p ", "s ", "0 .. 9", "l ", "e ", "? or h", "q or Esc", "v ", "/ ", "space")) {
                assertThat(all).as("the help names the key " + key).contains("  " + key);
            }
            assertThat(v.key("esc", 10)).as("Esc closes the help, it does not quit").isTrue();
            assertThat(v.helpShown()).isFalse();
            assertThat(v.render(80, 24).lines().get(3)).startsWith("Tag");
        }
    }

    @Test
    void totalsHighlightingAndUnknownKeys() {
        TopView v = view();
        v.sample(sample(0));
        v.sample(sample(1));
        TopView.Screen s = v.render(100, 20);
        // PoolMon highlights the lines that changed: Abcd (+1 alloc) and Leak (+10), not Zzzz or kmalloc-64
        List<String> changed = s.changed().stream().map(i -> s.lines().get(i).split(" ")[0]).sorted().toList();
        assertThat(changed).containsExactly("Abcd", "Leak");
        v.key("l", 10);
        assertThat(v.render(100, 20).changed()).isEmpty();
        v.key("l", 10);
        assertThat(v.render(100, 20).changed()).hasSize(2);

        v.key("e", 10);
        List<String> lines = v.render(100, 20).lines();
        List<String> totals = lines.stream().filter(l -> l.startsWith("Total")).toList();
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0)).contains("Nonp").contains("165").contains("9096"); // 101+64 allocs, 5000+4096 bytes
        assertThat(totals.get(1)).contains("Paged").contains("11000");
        assertThat(lines.get(17)).startsWith("Total"); // at the bottom, above the key line
        assertThat(lines.get(19)).isEqualTo(TopView.FOOTER);
        v.key("e", 10);
        assertThat(v.render(100, 20).lines()).noneMatch(l -> l.startsWith("Total"));

        v.key("z", 10);
        assertThat(v.render(100, 20).lines().get(19)).isEqualTo("unknown key z: ? lists the keys, q quits");
        v.key("\u0001", 10);
        assertThat(v.render(100, 20).lines().get(19)).startsWith("unknown key ^A");
    }

    @Test
    void sessionKeysSaySoWhenTheSourceHasNoSessionPoolsAndSwitchWhenItHas() {
        TopView v = view();
        v.sample(sample(0));
        v.key("s", 10);
        assertThat(v.render(120, 20).lines().get(19)).contains("session pools are read from the live Windows kernel");
        List<Long> asked = new ArrayList<>();
        v.sessions(s -> {
            asked.add(s);
            return null;
        }, TopView.SessionSwitch.SYSTEM);
        v.key("s", 10);
        assertThat(v.current()).as("a switch forgets the old pools' sample").isNull();
        v.sample(sample(0));
        assertThat(v.render(120, 20).lines().get(2)).contains("pool both sessions");
        v.key("3", 10);
        v.key("i", 10);
        assertThat(v.input()).isEqualTo(TopView.Input.SESSION);
        type(v, "12");
        v.key("enter", 10);
        v.key("i", 10);
        v.key("enter", 10); // Enter alone: every session
        v.key("s", 10); // back to the system pools
        assertThat(asked).containsExactly(TopView.SessionSwitch.ALL_SESSIONS, 3L, 12L, TopView.SessionSwitch.ALL_SESSIONS,
                TopView.SessionSwitch.SYSTEM);
        v.key("i", 10);
        type(v, "x");
        v.key("enter", 10);
        assertThat(v.render(120, 20).lines().get(19)).isEqualTo("a session is a number (got 'x')");
    }

    @Test
    void startUpSwitchesAndTheFooterFit80Columns() {
        TopView v = view().pools(TopView.Pools.PAGED).byChange(true).totals(true).highlight(false)
                .filter(new RowFilter(List.of("L*", "Z*"), List.of("Zz*")), "L* Z* not Zz*").ownerNote("owners: leaky.txt");
        v.sample(sample(0));
        v.sample(sample(1));
        assertThat(labels(v)).containsExactly("Leak");
        List<String> lines = v.render(80, 24).lines();
        assertThat(lines.get(1)).contains("owners: leaky.txt");
        assertThat(lines.get(2)).contains("sort bytes change").contains("pool paged").contains("pattern L* Z* not Zz*");
        assertThat(lines.get(23)).isEqualTo(TopView.FOOTER);
        assertThat(TopView.FOOTER.length()).isLessThanOrEqualTo(80);
        assertThat(v.render(80, 24).changed()).isEmpty();
    }

    @Test
    void rendersWithinTheTerminalAndKeepsRoomForTheOwner() {
        TopView v = view();
        v.sample(sample(0));
        v.sample(sample(1));
        TopView.Screen s120 = v.render(120, 24);
        assertThat(s120.lines()).hasSize(24).allMatch(l -> l.length() <= 120);
        assertThat(s120.lines().get(3)).startsWith("Tag").contains("Bytes").contains("Per Alloc").contains("Owner");
        assertThat(s120.lines().get(4)).startsWith("Leak").contains("(10)").contains("leaky.sys - Leaky driver");
        TopView.Screen s80 = v.render(80, 24);
        assertThat(s80.lines()).hasSize(24).allMatch(l -> l.length() <= 80);
        assertThat(s80.lines().get(4)).as("the owner keeps room at 80 columns").contains("leaky.sys");
        TopView.Screen s40 = v.render(40, 10);
        assertThat(s40.lines()).hasSize(10).allMatch(l -> l.length() <= 40);
        assertThat(s40.lines().get(4)).doesNotContain("(");
    }

    @Test
    void plainIsTheScreensTableWithEveryRow() {
        TopView v = view().ownerNote("owners: x");
        v.sample(sample(0));
        List<String> plain = v.plain();
        assertThat(plain.get(0)).startsWith("pooltags top  test on h");
        assertThat(plain.get(1)).contains("owners: x");
        assertThat(plain.get(3)).startsWith("Tag").contains("Owner");
        assertThat(plain).hasSize(4 + 4);
        assertThat(plain.get(4)).startsWith("Abcd"); // sorted by bytes: 5000, 4096, 1000, 0
        assertThat(plain.get(6)).startsWith("Leak").endsWith("leaky.sys - Leaky driver");
    }
}
