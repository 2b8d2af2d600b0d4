package dev.pooltags.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputExceptionTest {
    @Test
    void controlCharactersFromDamagedInputCannotBreakTheLine() {
        InputException e = new InputException("fuzz.sys", 0, "an import name of mode.\n$\u001a (RVA 0x905a4f) is outside");
        assertThat(e.getMessage()).isEqualTo("fuzz.sys: an import name of mode.\\x0A$\\x1A (RVA 0x905a4f) is outside");
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void ordinaryMessagesAreUnchanged() {
        assertThat(new InputException("a.txt", 3, "not a tag").getMessage()).isEqualTo("a.txt:3: not a tag");
    }
}
