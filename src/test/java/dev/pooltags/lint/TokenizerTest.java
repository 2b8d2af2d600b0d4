package dev.pooltags.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static List<String> texts(String src) {
        return Tokenizer.tokenize(src).tokens().stream().map(Token::text).toList();
    }

    @Test
    void multiCharacterLiteralsStringsAndCommentsAreSingleTokens() {
        Tokenizer.Result r = Tokenizer.tokenize("p = ExAllocatePool2(F, n, 'fByM'); // 'x' \"y\"\n"
                + "s = L\"a\\\"b\"; c = '\\''; /* ( */ d = u8\"z\" R\"x(raw \" ) text)x\";");
        assertThat(texts("q = 'fByM';")).containsExactly("q", "=", "'fByM'", ";");
        assertThat(r.tokens()).extracting(Token::text).contains("'fByM'", "L\"a\\\"b\"", "'\\''", "u8\"z\"",
                "R\"x(raw \" ) text)x\"");
        assertThat(r.comments()).extracting(Comment::text).containsExactly(" 'x' \"y\"", " ( ");
        assertThat(r.comments().get(0).trailing()).isTrue();
    }

    @Test
    void directivesAreOneTokenAndLineContinuationsJoinThem() {
        Tokenizer.Result r = Tokenizer.tokenize("#define ALLOC(n) \\\n   ExAllocatePool2(F, \\\n n, 'gaT1')\nint x;\n"
                + "  #  pragma warning(suppress: 28134)\nx = 1;");
        Token d = r.tokens().get(0);
        assertThat(d.kind()).isEqualTo(Token.Kind.DIRECTIVE);
        assertThat(d.text()).isEqualTo("define");
        assertThat(d.directive().tokens()).extracting(Token::text)
                .containsExactly("ALLOC", "(", "n", ")", "ExAllocatePool2", "(", "F", ",", "n", ",", "'gaT1'", ")");
        Token x = r.tokens().get(1);
        assertThat(x.text()).isEqualTo("int");
        assertThat(x.line()).isEqualTo(4);
        assertThat(r.tokens().get(4).text()).isEqualTo("pragma");
        assertThat(r.tokens().get(4).line()).isEqualTo(5);
        assertThat(r.lines()).isEqualTo(6);
    }

    @Test
    void positionsAreOneBasedWithExclusiveEndColumns() {
        Tokenizer.Result r = Tokenizer.tokenize("\tab  ->cd\r\n  'x'");
        Token ab = r.tokens().get(0);
        assertThat(ab.line()).isEqualTo(1);
        assertThat(ab.col()).isEqualTo(2);
        assertThat(ab.endCol()).isEqualTo(4);
        assertThat(r.tokens().get(1).text()).isEqualTo("->");
        Token x = r.tokens().get(3);
        assertThat(x.line()).isEqualTo(2);
        assertThat(x.col()).isEqualTo(3);
        assertThat(x.start()).isEqualTo(13);
    }

    @Test
    void aHashInsideALineIsNoDirectiveAndDigitSeparatorsStayInNumbers() {
        assertThat(texts("a # b")).containsExactly("a", "#", "b");
        assertThat(texts("n = 1'000'000u;")).containsExactly("n", "=", "1'000'000u", ";");
        assertThat(texts("x = 0x1p-3 + 1e+5;")).containsExactly("x", "=", "0x1p-3", "+", "1e+5", ";");
    }

    @Test
    void unterminatedInputEndsTheTokenAtTheEndOfTheLineOrFile() {
        assertThat(texts("a = 'abc\nb = \"xy\nc")).containsExactly("a", "=", "'abc", "b", "=", "\"xy", "c");
        assertThat(Tokenizer.tokenize("x /* never closed").comments()).hasSize(1);
        assertThat(texts("#define X \\")).isEqualTo(List.of("define"));
    }

    @Property(tries = 400)
    void neverThrowsAndAlwaysEndsOnArbitraryText(@ForAll("cLike") String text) {
        Tokenizer.Result r = Tokenizer.tokenize(text);
        int last = -1;
        for (Token t : r.tokens()) {
            assertThat(t.start()).isGreaterThanOrEqualTo(last);
            assertThat(t.end()).isBetween(t.start(), text.length());
            last = t.start();
        }
        // the whole pipeline over the same text does not throw either
        FileScanner.scan("f.c", r, FileScanner.Defines.NONE, name -> null, FileScanner.Wrappers.NONE, new FileScanner.Sink() {
            @Override
            public void calls(List<Call> calls) {
            }

            @Override
            public void function(String function, List<PointerEvent> events, IntList blockParents, boolean truncated) {
                for (PointerEvent e : events) {
                    assertThat(e.block()).isBetween(0, blockParents.size() - 1);
                }
            }
        }, Suppressions.of(r));
    }

    @Property(tries = 200)
    void neverThrowsOnArbitraryBytes(@ForAll byte[] bytes) {
        Tokenizer.Result r = Tokenizer.tokenize(bytes);
        assertThat(r.lines()).isGreaterThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<String> cLike() {
        Arbitrary<String> pieces = Arbitraries.of("'", "\"", "\\", "\n", "\r\n", "/*", "*/", "//", "#", "#define A(x) ",
                "(", ")", "{", "}", ";", ",", "=", "->", "ExAllocatePool2(", "ExFreePoolWithTag(p, ", "'gaT1'", "\"abc\"",
                "R\"x(", ")x\"", "L'", "u8\"", "p", " ", "\t", "0x", "1'0", "enum { A = ", "const ULONG T = ", "&", "*",
                "#if 0\n", "#else\n", "#endif\n", "MY_MACRO(", "#pragma warning(suppress: 28134)\n", "// pooltags: ignore\n");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }
}
