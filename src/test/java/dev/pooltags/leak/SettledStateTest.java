package dev.pooltags.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** How a tag's shown state follows its verdicts at consecutive checkpoints (the hysteresis of top and serve). */
class SettledStateTest {
    static final TagCounters.RowKey KEY = new TagCounters.RowKey(PoolTag.parse("Test"), null, PoolType.PAGED);

    static TagVerdict v(Verdict verdict, String words) {
        return new TagVerdict(KEY, verdict, 0, Metric.COUNT, null, null, null, false, -1, -1, words, null, Double.NaN,
                List.of());
    }

    static Verdict settle(Verdict... raw) {
        List<TagVerdict> l = new ArrayList<>();
        for (Verdict x : raw) {
            l.add(v(x, x.name()));
        }
        return LeakAnalysis.settled(l).verdict();
    }

    @Test
    void two_checkpoints_in_a_row_change_the_state() {
        assertThat(settle(Verdict.GROWING, Verdict.LEAK, Verdict.LEAK)).isEqualTo(Verdict.LEAK);
        assertThat(settle(Verdict.LEAK, Verdict.LEAK, Verdict.GROWING)).isEqualTo(Verdict.LEAK);
        assertThat(settle(Verdict.LEAK, Verdict.GROWING, Verdict.GROWING)).isEqualTo(Verdict.GROWING);
    }

    @Test
    void one_odd_checkpoint_changes_nothing_and_an_edge_shows_the_middle() {
        assertThat(settle(Verdict.LEAK, Verdict.LEAK, Verdict.GROWING, Verdict.LEAK)).isEqualTo(Verdict.LEAK);
        // no two in a row agree: the middle of four, of two middles the weaker
        assertThat(settle(Verdict.GROWING, Verdict.LIKELY_LEAK, Verdict.GROWING, Verdict.LIKELY_LEAK))
                .isEqualTo(Verdict.GROWING);
        assertThat(settle(Verdict.LIKELY_LEAK, Verdict.GROWING, Verdict.LIKELY_LEAK, Verdict.GROWING))
                .isEqualTo(Verdict.GROWING);
        assertThat(settle(Verdict.STABLE)).isEqualTo(Verdict.STABLE);
    }

    @Test
    void the_latest_checkpoint_with_the_state_explains_it() {
        List<TagVerdict> raw = List.of(v(Verdict.LEAK, "first"), v(Verdict.LEAK, "second"), v(Verdict.GROWING, "odd"));
        assertThat(LeakAnalysis.settled(raw).explanation()).isEqualTo("second");
    }

    /** An alternation between two verdicts never makes the shown state alternate. */
    @Property(seed = "1206")
    void alternating_verdicts_show_one_state(@ForAll Verdict a, @ForAll Verdict b, @ForAll @Size(min = 8, max = 40) List<Boolean> unused) {
        List<TagVerdict> history = new ArrayList<>();
        List<Verdict> shown = new ArrayList<>();
        for (int i = 0; i < unused.size(); i++) {
            history.add(v(i % 2 == 0 ? a : b, ""));
            List<TagVerdict> last = history.subList(Math.max(0, history.size() - LeakAnalysis.CHECKPOINTS), history.size());
            shown.add(LeakAnalysis.settled(last).verdict());
        }
        // after the first full set of checkpoints the state no longer changes
        assertThat(shown.subList(LeakAnalysis.CHECKPOINTS, shown.size()).stream().distinct()).hasSize(1);
    }
}
