package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagFormatException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CardinalityLimitTest {
    private static TagCounters row(String tag, PoolType t, long bytes) {
        return TagCounters.of(PoolTag.parse(tag), t, 0, 0, bytes);
    }

    private static final List<TagCounters> ROWS = List.of(
            row("Big1", PoolType.NONPAGED, 9000), row("Big2", PoolType.PAGED, 8000), row("Ntfx", PoolType.PAGED, 7000),
            row("NtfF", PoolType.NONPAGED, 10), row("Leak", PoolType.NONPAGED, 5), row("Io  ", PoolType.NONPAGED, 6000),
            TagCounters.named("kmalloc-64", PoolType.NONPAGED, 0, 0, 500));

    private static Set<String> select(CardinalityLimit l) {
        return l.select(ROWS).stream().map(TagCounters.RowKey::label).collect(Collectors.toSet());
    }

    private static List<RowPattern> p(String... texts) {
        return List.of(texts).stream().map(RowPattern::parse).toList();
    }

    @Test
    void topNByBytesPlusAlways() {
        assertThat(select(new CardinalityLimit(p(), p(), 2, p()))).containsExactlyInAnyOrder("Big1", "Big2");
        assertThat(select(new CardinalityLimit(p(), p(), 2, p("Leak")))).containsExactlyInAnyOrder("Big1", "Big2", "Leak");
        assertThat(select(CardinalityLimit.all())).hasSize(ROWS.size());
    }

    @Test
    void includeLimitsTheCandidatesExcludeWinsOverAll() {
        assertThat(select(new CardinalityLimit(p("Ntf*"), p(), 0, p()))).containsExactlyInAnyOrder("Ntfx", "NtfF");
        assertThat(select(new CardinalityLimit(p("Ntf*"), p(), 1, p("Leak")))).containsExactlyInAnyOrder("Ntfx", "Leak");
        assertThat(select(new CardinalityLimit(p(), p("Big?", "Leak"), 0, p("Leak"))))
                .doesNotContain("Big1", "Big2", "Leak").contains("Ntfx");
    }

    @Test
    void shortPatternsArePaddedAsPoolMonDoesAndLongOnesMatchNames() {
        assertThat(select(new CardinalityLimit(p("Io"), p(), 0, p()))).containsExactly("Io  ");
        assertThat(select(new CardinalityLimit(p("kmalloc-*"), p(), 0, p()))).containsExactly("kmalloc-64");
        assertThatThrownBy(() -> RowPattern.parse("")).isInstanceOf(TagFormatException.class);
    }
}
