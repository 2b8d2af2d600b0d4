package dev.pooltags.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagPatternTest {
    private static boolean m(String pattern, String tag) {
        return TagPattern.parse(pattern).matches(PoolTag.parse(tag));
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertThat(m("Afd?", "AfdB")).isTrue();
        assertThat(m("?MEM", "1MEM")).isTrue();
        assertThat(m("Afd?", "Afd")).isTrue(); // the tag is 'Afd ': the space is the fourth character
        assertThat(m("Af?", "AfdB")).isFalse();
    }

    @Test
    void starIsAnyRunIncludingNone() {
        assertThat(m("Ntf*", "NtfF")).isTrue();
        assertThat(m("Ip*", "Ip")).isTrue();
        assertThat(m("N*x", "Ntfx")).isTrue();
        assertThat(m("N*x", "Ntfy")).isFalse();
    }

    @Test
    void caseSensitiveAsInPoolMon() {
        assertThat(m("afd?", "AfdB")).isFalse();
    }

    @Test
    void shortPatternWithoutStarIsPaddedLikeATag() {
        assertThat(m("Io", "Io")).isTrue();
        assertThat(m("Io", "IoXX")).isFalse();
    }

    @Test
    void protectedBitIsIgnored() {
        assertThat(TagPattern.parse("MyBf").matches(PoolTag.parse("MyBf (Protected)"))).isTrue();
    }

    @Test
    void filterCombinesIncludeAndExcludeAsPoolMon() {
        TagFilter f = new TagFilter(List.of(TagPattern.parse("Afd*")), List.of(TagPattern.parse("AfdB")));
        assertThat(f.accepts(PoolTag.parse("AfdC"))).isTrue();
        assertThat(f.accepts(PoolTag.parse("AfdB"))).isFalse();
        assertThat(f.accepts(PoolTag.parse("Ntfx"))).isFalse();
        assertThat(TagFilter.ALL.accepts(PoolTag.parse("Ntfx"))).isTrue();
    }

    @Test
    void badPatterns() {
        assertThatThrownBy(() -> TagPattern.parse("")).isInstanceOf(TagFormatException.class);
        assertThatThrownBy(() -> TagPattern.parse("Abcde")).isInstanceOf(TagFormatException.class)
                .hasMessageContaining("more than 4");
    }
}
