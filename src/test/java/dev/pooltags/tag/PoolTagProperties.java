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

    /** Found by the long fuzz run (seed 5570688330040463568): the tag ' r \x15 ' printed as a character literal. */
    @net.jqwik.api.Example
    void aTagInQuotesRoundTrips() {
        roundTrips(655716903);
        roundTrips(0x27616227);
    }

    private static void roundTrips(int value) {
        PoolTag t = PoolTag.ofValue(value);
        assertThat(PoolTag.parse(t.toString())).isEqualTo(t);
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
