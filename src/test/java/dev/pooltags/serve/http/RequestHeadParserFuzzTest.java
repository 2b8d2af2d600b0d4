package dev.pooltags.serve.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The incremental parser against itself and against noise: fixed seeds, so CI runs the same cases every time. */
class RequestHeadParserFuzzTest {
    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40).map(String::trim);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("abcXYZ-_0123456789!#$%&'*+.^`|~").ofMinLength(1).ofMaxLength(12)
                .filter(t -> !t.equalsIgnoreCase("host") && !t.equalsIgnoreCase("content-length")
                        && !t.equalsIgnoreCase("transfer-encoding") && !t.equalsIgnoreCase("connection"));
    }

    /** However the bytes are cut into arrivals, the head read is the one read from all bytes at once. */
    @Property(tries = 300, seed = "20261206")
    void arrivalsInPiecesReadTheSameHead(@ForAll @Size(max = 10) List<@From("tokens") String> names,
            @ForAll @Size(max = 10) List<@From("headerValues") String> values, @ForAll @IntRange(min = 1, max = 17) int step,
            @ForAll boolean bareLf) throws Exception {
        String eol = bareLf ? "\n" : "\r\n";
        StringBuilder sb = new StringBuilder("GET /metrics?a=" + step + " HTTP/1.1" + eol + "Host: h" + eol);
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            sb.append(names.get(i)).append(": ").append(values.get(i)).append(eol);
        }
        sb.append(eol).append("GET /after");
        byte[] all = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        RequestHead whole = new RequestHeadParser(2048, 8192, 64).parse(all, all.length);
        RequestHeadParser p = new RequestHeadParser(2048, 8192, 64);
        RequestHead pieces = null;
        for (int end = Math.min(step, all.length); pieces == null; end = Math.min(end + step, all.length)) {
            pieces = p.parse(all, end);
        }
        assertThat(whole).isNotNull();
        assertThat(pieces.length()).isEqualTo(whole.length()).isEqualTo(all.length - "GET /after".length());
        assertThat(pieces.target()).isEqualTo(whole.target());
        assertThat(pieces.headers()).isEqualTo(whole.headers());
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            assertThat(whole.headers().get(names.get(i))).contains(values.get(i));
        }
    }

    /** Noise never breaks the parser: it asks for more, refuses with a status, or reads a head within the bytes. */
    @Property(tries = 1000, seed = "42")
    void noiseIsRefusedNotCrashedOn(@ForAll @Size(max = 300) List<@From("noisyBytes") Byte> bytes,
            @ForAll @IntRange(min = 1, max = 64) int step) {
        byte[] b = new byte[bytes.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bytes.get(i);
        }
        RequestHeadParser p = new RequestHeadParser(64, 128, 4);
        try {
            int end = 0;
            while (end < b.length) {
                end = Math.min(b.length, end + step);
                RequestHead h = p.parse(b, end);
                if (h != null) {
                    assertThat(h.length()).isBetween(1, end);
                    return;
                }
            }
        } catch (RequestRefused r) {
            assertThat(r.status()).isIn(400, 414, 431, 505);
        }
    }

    @Provide
    Arbitrary<Byte> noisyBytes() {
        // mostly the bytes HTTP heads are made of, so the noise often gets past the first checks
        String alphabet = "GET /HTP1.\r\n: Host";
        Byte[] common = new Byte[alphabet.length()];
        for (int i = 0; i < common.length; i++) {
            common[i] = (byte) alphabet.charAt(i);
        }
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(common)), Tuple.of(1, Arbitraries.bytes()));
    }
}
