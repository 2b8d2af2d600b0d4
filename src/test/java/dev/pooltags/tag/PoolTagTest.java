package dev.pooltags.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolTagTest {
    @Test
    void charLiteralOrderIsTheReverseOfWhatPoolMonShows() {
        PoolTag t = PoolTag.ofCharLiteral("fByM");
        assertThat(t.value()).isEqualTo(0x6642794D);
        assertThat(t.memoryText()).isEqualTo("MyBf");
        assertThat(t.charLiteralText()).isEqualTo("fByM");
        assertThat(t.hexText()).isEqualTo("0x6642794D");
    }

    @Test
    void theThreeWaysOfWritingATagAreTheSameTag() {
        assertThat(PoolTag.parse("MyBf")).isEqualTo(PoolTag.parse("'fByM'")).isEqualTo(PoolTag.parse("0x6642794D"));
    }

    @Test
    void shortTagsArePaddedWithSpacesAsTheKernelDoes() {
        PoolTag io = PoolTag.parse("Io");
        assertThat(io.memoryText()).isEqualTo("Io  ");
        assertThat(io).isEqualTo(PoolTag.ofCharLiteral("  oI"));
    }

    @Test
    void protectedBitIsKeptApartAndShown() {
        PoolTag p = PoolTag.ofValue(0x6642794D | PoolTag.PROTECTED_BIT);
        assertThat(p.isProtected()).isTrue();
        assertThat(p.memoryText()).isEqualTo("MyBf");
        assertThat(p.toString()).isEqualTo("MyBf (Protected)");
        assertThat(PoolTag.parse("MyBf (Protected)")).isEqualTo(p);
        assertThat(p.unprotected()).isEqualTo(PoolTag.parse("MyBf"));
        assertThat(p).isNotEqualTo(p.unprotected());
    }

    @Test
    void unprintableBytesAreEscapedAndRoundTrip() {
        PoolTag t = PoolTag.ofBytes((byte) 'A', (byte) 0, (byte) '\\', (byte) 0x7F);
        assertThat(t.memoryText()).isEqualTo("A\\x00\\\\\\x7F");
        assertThat(PoolTag.parse(t.toString())).isEqualTo(t);
        assertThat(t.isPrintable()).isFalse();
    }

    @Test
    void hexNeedsAtLeastThreeDigitsSoShortTextStaysATag() {
        assertThat(PoolTag.parse("0x1").memoryText()).isEqualTo("0x1 ");
        assertThat(PoolTag.parse("0x12").memoryText()).isEqualTo("0x12");
        assertThat(PoolTag.parse("0x000").value()).isZero();
    }

    @Test
    void comparisonIsCaseSensitiveInMemoryOrder() {
        assertThat(PoolTag.parse("AfdB")).isNotEqualTo(PoolTag.parse("afdB"));
        assertThat(PoolTag.parse("AfdB").compareTo(PoolTag.parse("Afdb"))).isNegative();
        assertThat(PoolTag.parse("Ab  ").compareTo(PoolTag.parse("Ba  "))).isNegative();
    }

    @Test
    void letterOrDigitCheckMatchesTheKernelsRule() {
        assertThat(PoolTag.parse("....").hasLetterOrDigit()).isFalse();
        assertThat(PoolTag.parse("..1.").hasLetterOrDigit()).isTrue();
    }

    @Test
    void badTagsSayWhatIsWrong() {
        assertThatThrownBy(() -> PoolTag.parse("")).isInstanceOf(TagFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> PoolTag.parse("Abcde")).isInstanceOf(TagFormatException.class)
                .hasMessageContaining("5 characters").hasMessageContaining("at most 4");
        assertThatThrownBy(() -> PoolTag.parse("A\\q")).isInstanceOf(TagFormatException.class).hasMessageContaining("escape");
        assertThatThrownBy(() -> PoolTag.parse("A\\x4")).isInstanceOf(TagFormatException.class).hasMessageContaining("two hex");
        assertThatThrownBy(() -> PoolTag.parse("''")).isInstanceOf(TagFormatException.class);
        assertThatThrownBy(() -> PoolTag.parse("Ab\u20ac")).isInstanceOf(TagFormatException.class).hasMessageContaining("not one byte");
    }
}
