package dev.pooltags.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.project.Project;
import dev.pooltags.project.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    /** Evaluates {@code expr} in a file whose other lines are {@code header}. */
    private static Value eval(String header, String expr) {
        String text = header + "\nint probe = " + expr + ";\n";
        Tokenizer.Result r = Tokenizer.tokenize(text);
        FileFacts ff = FileScanner.index("t.c", r, FileScanner.Defines.NONE, Suppressions.none());
        Map<String, FileFacts> facts = new HashMap<>();
        facts.put("t.c", ff);
        Scope scope = new Scope(facts, Map.of("t.c", new SourceFile(java.nio.file.Path.of("t.c"), "t.c",
                Project.folder(".", "t"))));
        Definition probe = ff.definitions().stream().filter(d -> d.name().equals("probe")).findFirst().orElse(null);
        List<Token> tokens = probe != null ? probe.body() : Tokenizer.tokenize(expr).tokens();
        return new Evaluator(scope).eval(tokens, "t.c", List.of());
    }

    private static Value evalConst(String header, String expr) {
        return eval(header.replace("int probe", "const int probe"), expr);
    }

    @Test
    void multiCharacterLiteralsReadAsMsvcDoes() {
        assertThat(Evaluator.charLiteral(Tokenizer.tokenize("'fByM'").tokens().get(0), "t.c").number()).isEqualTo(0x6642794DL);
        assertThat(Evaluator.charLiteral(Tokenizer.tokenize("'\\x41\\0B'").tokens().get(0), "t.c").number()).isEqualTo(0x410042L);
        assertThat(Evaluator.charLiteral(Tokenizer.tokenize("'ab'").tokens().get(0), "t.c").chars()).isEqualTo(2);
        assertThat(Evaluator.charLiteral(Tokenizer.tokenize("L'x'").tokens().get(0), "t.c").number()).isEqualTo('x');
    }

    @Test
    void integersWithSuffixesAndBases() {
        assertThat(Evaluator.integer("0x6642794DUL").number()).isEqualTo(0x6642794DL);
        assertThat(Evaluator.integer("017").number()).isEqualTo(15);
        assertThat(Evaluator.integer("0b101").number()).isEqualTo(5);
        assertThat(Evaluator.integer("1'000ui64").number()).isEqualTo(1000);
        assertThat(Evaluator.integer("1.5").known()).isFalse();
    }

    @Test
    void namesMacrosCastsAndOperators() {
        String h = "#define BASE 'gaT'\n#define TAG ((ULONG)(BASE << 8 | '1'))\n"
                + "#define MAKE_TAG(a, b, c, d) ((d) << 24 | (c) << 16 | (b) << 8 | (a))\n"
                + "enum Tags { FIRST = 'aaaa', SECOND, THIRD = FIRST | PROTECTED_POOL };\n"
                + "static const ULONG ConstTag = 'tsnC';\n";
        assertThat(constOf(h, "TAG").number()).isEqualTo(0x67615431L);
        assertThat(constOf(h, "MAKE_TAG('M','y','B','f')").number()).isEqualTo(0x6642794DL);
        assertThat(constOf(h, "SECOND").number()).isEqualTo(0x61616162L);
        assertThat(constOf(h, "THIRD").number()).isEqualTo(0xE1616161L);
        assertThat(constOf(h, "ConstTag").number()).isEqualTo(0x74736E43L);
        assertThat(constOf(h, "ConstTag").named().name()).isEqualTo("ConstTag");
        assertThat(constOf(h, "(TAG)").number()).isEqualTo(0x67615431L);
    }

    @Test
    void stringsAddressesAndConflictingDefinitionsAreNotNumbers() {
        String h = "#define S \"abcd\"\n#if DBG\n#define T 'aaaa'\n#else\n#define T 'bbbb'\n#endif\n"
                + "#define U 'cccc'\n#ifdef X\n#define U 'cccc'\n#endif\n";
        assertThat(constOf(h, "S").kind()).isEqualTo(Value.Kind.STRING);
        assertThat(constOf(h, "&g_tag").kind()).isEqualTo(Value.Kind.ADDRESS);
        assertThat(constOf(h, "T").known()).isFalse();
        assertThat(constOf(h, "U").number()).isEqualTo(0x63636363L);
        assertThat(constOf(h, "sizeof(X)").known()).isFalse();
        assertThat(constOf(h, "undefined_name").known()).isFalse();
    }

    private static Value constOf(String header, String expr) {
        return evalConst(header + "\nconst int probe", expr);
    }

    @Test
    void absurdNestingIsUnknownNotAStackOverflow() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        assertThat(constOf("", deep).known()).isFalse();
        assertThat(constOf("", "((1 << 4) | 2)").number()).isEqualTo(18);
    }

    @Property(tries = 300)
    void neverThrowsOnArbitraryExpressions(@ForAll("expressions") String expr) {
        Value v = eval("#define A 'aaaa'\n#define F(x) ((x) | A)\n#define S \"s\"", expr);
        assertThat(v).isNotNull();
    }

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of("(", ")", "A", "F(", "S", "1", "0x10", "'ab'", "|", "<<", "-", "~", "?", ":", ",", "&",
                "(ULONG)", "sizeof", "/", "0", "%").list().ofMaxSize(30).map(l -> String.join(" ", l));
    }
}
