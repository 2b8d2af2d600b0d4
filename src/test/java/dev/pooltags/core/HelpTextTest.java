package dev.pooltags.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HelpTextTest {
    @Test
    void readsTheResourceBesideTheClassJoiningWrappedLines() {
        assertThat(HelpText.of(HelpTextTest.class, "EXAMPLE")).isEqualTo("First line of a paragraph wrapped here.\n\nSecond   paragraph.");
    }

    @Test
    void aMissingPageNamesTheResource() {
        assertThatThrownBy(() -> HelpText.of(HelpTextTest.class, "NOPE"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dev/pooltags/core/help/NOPE.txt");
    }

    @Test
    void crlfAndIndentedContinuationLinesJoinAsOneParagraph() {
        assertThat(HelpText.join("a\r\n  b\r\n\r\nc\n")).isEqualTo("a b\n\nc");
    }
}
