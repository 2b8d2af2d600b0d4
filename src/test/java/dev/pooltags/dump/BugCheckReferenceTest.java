package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled Bug Check Code Reference table. */
class BugCheckReferenceTest {
    final BugCheckReference ref = BugCheckReference.bundled();

    @Test
    void holdsEveryCodeOfTheReferenceAndTheLiveDumpCodes() {
        assertThat(ref.all().stream().filter(e -> !e.live())).hasSizeGreaterThan(370);
        assertThat(ref.all().stream().filter(BugCheckReference.Entry::live)).hasSizeGreaterThan(40);
        for (long code : new long[] {0x19, 0xC2, 0xC1, 0xC5, 0xCC, 0xCD, 0xD5, 0xD6, 0xC4, 0xCE, 0x13A, 0x41, 0xDE}) {
            assertThat(ref.find(code)).as("0x%X", code).isPresent();
        }
        assertThat(ref.find(0xC2).orElseThrow().name()).isEqualTo("BAD_POOL_CALLER");
        assertThat(ref.find(0xC2).orElseThrow().url()).endsWith("/bug-check-0xc2--bad-pool-caller");
    }

    @Test
    void badPoolCallerRowsExplainEachSubtype() {
        BugCheckReference.Explanation e = ref.explain(0xC2, new long[] {0x0A, 0xFFFFA08000001010L, 0x6642794D, 0x6642794E});
        assertThat(e.row().cause()).contains("wrong tag");
        assertThat(e.meanings()).containsExactly("the type of violation", "Address of pool", "Allocator's tag", "Tag being used in the attempted free");
        BugCheckReference.Explanation corrupt = ref.explain(0xC2, new long[] {0x0C, 0, 0, 0});
        assertThat(corrupt.row().values()).containsExactly(0xBL, 0xCL, 0xDL);
        assertThat(ref.find(0xC2).orElseThrow().rows()).hasSizeGreaterThan(20);
    }

    @Test
    void selectorInParameterFourForSpecialPoolCorruption() {
        BugCheckReference.Explanation e = ref.explain(0xC1, new long[] {0x1000, 0, 0, 0x20});
        assertThat(e.row().selector()).isEqualTo(4);
        assertThat(e.row().cause()).contains("free pool which was not allocated");
    }

    @Test
    void parametersOfTheMVariantComeFromTheOriginal() {
        BugCheckReference.Explanation e = ref.explain(0x1000007EL, new long[4]);
        assertThat(e.entry().name()).isEqualTo("SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M");
        assertThat(e.parametersFrom().code()).isEqualTo(0x7E);
        assertThat(e.meanings().get(1)).isEqualTo("The address where the exception occurred.");
    }

    @Test
    void unknownValuesAndCodesAreSaidToBeSo() {
        assertThat(ref.explain(0x19, new long[] {0x7777, 0, 0, 0}).meanings().get(0)).contains("does not list");
        assertThat(ref.explain(0x5454414D, new long[4]).known()).isFalse();
        assertThat(ref.find(0xDE).orElseThrow().none()).isTrue();
    }

    @Test
    void cellValuesAreReadLikeTheTablesWriteThem() {
        assertThat(BugCheckReference.values("0x0B,; 0x0C,; or 0x0D")).containsExactly(0xBL, 0xCL, 0xDL);
        assertThat(BugCheckReference.values("0X21")).containsExactly(0x21L);
        assertThat(BugCheckReference.values("0x8886 0x8887")).containsExactly(0x8886L, 0x8887L);
    }
}
