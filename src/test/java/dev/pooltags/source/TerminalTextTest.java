package dev.pooltags.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Issue 20 item 10: what input text may contain, and what reaches the terminal of it. */
class TerminalTextTest {
    @Test
    void controlAndInvisibleCharactersAreEscapedEverythingElseStays() {
        assertThat(TerminalText.escape("a\u001B[2J\nfake.c(1,1): error")).isEqualTo("a\\x1B[2J\\x0Afake.c(1,1): error");
        assertThat(TerminalText.escape("cr\rtab\tdel\u007Fc1\u009B")).isEqualTo("cr\\x0Dtab\\x09del\\x7Fc1\\x9B");
        assertThat(TerminalText.escape("evil\u202Etxt.exe")).isEqualTo("evil\\u202Etxt.exe");
        assertThat(TerminalText.escape("\u2066iso\u2069 \u200Bzw \u200Frlm \uFEFFbom \u2028ls \u061Calm"))
                .isEqualTo("\\u2066iso\\u2069 \\u200Bzw \\u200Frlm \\uFEFFbom \\u2028ls \\u061Calm");
        assertThat(TerminalText.escape("lone \uD800 surrogate")).isEqualTo("lone \\uD800 surrogate");
        String fine = "Gerätetreiber 日本語 \uD83D\uDE00 C:\\Windows back\\slash 'quote'";
        assertThat(TerminalText.escape(fine)).isSameAs(fine);
        assertThat(TerminalText.escape("tag \uDB40\uDC41 char")).isEqualTo("tag \\U000E0041 char"); // an invisible tag character
    }

    @Test
    void theWriterKeepsTheReportsOwnLineBreaksButNotThoseInValues() {
        StringWriter sw = new StringWriter();
        PrintWriter w = TerminalText.writer(new PrintWriter(sw));
        w.println("a file\nfake.c(1,1): error");
        w.printf("%s: %d findings%n  next%n", "x\u001B[2J\r.c", 3);
        w.print("tab\there");
        w.println();
        w.flush();
        String nl = System.lineSeparator();
        assertThat(sw.toString()).isEqualTo("a file\\x0Afake.c(1,1): error" + nl + "x\\x1B[2J\\x0D.c: 3 findings" + nl + "  next" + nl
                + "tab\\x09here" + nl);
        assertThat(TerminalText.writer(w)).isSameAs(w);
    }
}
