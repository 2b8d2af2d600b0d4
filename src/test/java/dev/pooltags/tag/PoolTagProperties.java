package dev.pooltags.tag;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PoolTagProperties {
    @Property(tries = 5000)
    void textRoundTripsForEveryValue(@ForAll int value) {
        roundTrips(value);
    }

    /**
     * Found by the long fuzz run (seed 5570688330040463568): the tag ' r \x15 ' has a memory text in quotes, which
     * {@code parse} reads as a character literal (quotes are how a user passes one); its value and its memory text
     * (what the file formats write and read back) still name it exactly.
     */
    @net.jqwik.api.Example
    void aTagWhoseTextIsInQuotesRoundTripsByValueAndMemoryText() {
        for (int value : new int[] {655716903, 0x27616227, 0x27011E27}) {
            PoolTag t = PoolTag.ofValue(value);
            assertThat(PoolTag.parse(t.hexText())).isEqualTo(t);
            assertThat(PoolTag.ofMemoryText(t.toString())).isEqualTo(t);
        }
    }

    private static void roundTrips(int value) {
        PoolTag t = PoolTag.ofValue(value);
        String text = t.memoryText();
        if (!(text.length() >= 2 && text.startsWith("'") && text.endsWith("'"))) {
            assertThat(PoolTag.parse(t.toString())).isEqualTo(t);
        }
        assertThat(PoolTag.ofMemoryText(t.toString().replace(" (Protected)", "")).value())
                .isEqualTo(t.value() & ~PoolTag.PROTECTED_BIT);
        assertThat(PoolTag.parse(t.hexText())).isEqualTo(t);
    }

    @Property(tries = 2000)
    void charLiteralAndMemoryOrderAreReverses(@ForAll("printableTags") String text) {
        PoolTag t = PoolTag.ofBytes((byte) text.charAt(0), (byte) text.charAt(1), (byte) text.charAt(2), (byte) text.charAt(3));
        String reversed = new StringBuilder(text).reverse().toString();
        assertThat(PoolTag.ofCharLiteral(reversed.replace("\\", "\\\\").replace("'", "\\'"))).isEqualTo(t);
    }

    @Property(tries = 2000)
    void memoryTextIsFourUnitsThatParseBack(@ForAll int value) {
        PoolTag t = PoolTag.ofValue(value & ~PoolTag.PROTECTED_BIT);
        assertThat(PoolTag.ofMemoryText(t.memoryText())).isEqualTo(t);
        assertThat(t.rawText()).hasSize(4);
    }

    @Provide
    Arbitrary<String> printableTags() {
        return Arbitraries.strings().withCharRange(' ', '~').ofLength(4);
    }
}
