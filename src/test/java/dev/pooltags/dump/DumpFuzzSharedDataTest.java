package dev.pooltags.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The real dumps damaged at random (bytes overwritten where the headers and tables are, the file cut anywhere): the
 * reader and the analyses either read what they can, naming each problem, or reject the file with one input error;
 * nothing else escapes. Fixed seeds keep CI deterministic.
 */
class DumpFuzzSharedDataTest {
    static final List<Path> DUMPS = List.of(DumpSharedDataTest.X64, DumpSharedDataTest.ARM64, DumpSharedDataTest.FULL_HEAD);
    static final byte[][] BYTES = new byte[DUMPS.size()][];

    static byte[] bytes(int i) {
        if (BYTES[i] == null) {
            try {
                BYTES[i] = Files.readAllBytes(DUMPS.get(i));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return BYTES[i];
    }

    /** A dump, edits {offset, value} (offsets mostly in the first 128 KiB: the headers and triage tables) and a length. */
    @Provide
    Arbitrary<Tuple.Tuple3<Integer, int[][], Double>> damage() {
        Arbitrary<Integer> dump = Arbitraries.integers().between(0, DUMPS.size() - 1);
        Arbitrary<int[]> edit = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.integers().between(0, 0x20000)), Tuple.of(2, Arbitraries.integers().between(0, 1_500_000))),
                Arbitraries.integers().between(0, 255)).as((o, v) -> new int[] {o, v});
        Arbitrary<int[][]> edits = edit.array(int[][].class).ofMinSize(1).ofMaxSize(24);
        Arbitrary<Double> keep = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(1.0)), Tuple.of(1, Arbitraries.doubles().between(0, 1)));
        return Combinators.combine(dump, edits, keep).as(Tuple::of);
    }

    @Property(tries = 150, seed = "19041")
    void damagedDumpsAreReadOrRejectedWithOneInputError(@ForAll("damage") Tuple.Tuple3<Integer, int[][], Double> d) {
        byte[] original = bytes(d.get1());
        byte[] b = Arrays.copyOf(original, (int) Math.round(original.length * d.get3()));
        for (int[] e : d.get2()) {
            if (e[0] < b.length) {
                b[e[0]] = (byte) e[1];
            }
        }
        try {
            DumpInspection in = DumpInspection.inspect(DumpFile.of("fuzz.dmp", b));
            assertThat(in.dump().problems()).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
            assertThat(in.pool().blocks()).allSatisfy(h -> assertThat((h.address() & 0xFFF) + h.size()).isLessThanOrEqualTo(0x1000));
            assertThat(in.dump().capturedBytes()).isLessThanOrEqualTo(b.length);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.dmp: ").doesNotContain("\n");
        }
    }

    @Property(tries = 60, seed = "22000")
    void everyCutOfARealDumpIsReadAsFarAsItGoes(@ForAll("cut") Tuple.Tuple2<Integer, Integer> c) {
        byte[] original = bytes(c.get1());
        byte[] b = Arrays.copyOf(original, Math.min(c.get2(), original.length));
        try {
            DumpInspection in = DumpInspection.inspect(DumpFile.of("cut.dmp", b));
            CrashDump whole = DumpReader.read(DumpFile.of("whole.dmp", original));
            if (in.dump().regions().size() < whole.regions().size() || in.dump().drivers().size() < whole.drivers().size()
                    || in.dump().capturedBytes() < whole.capturedBytes()) {
                // whatever the cut cost is named
                assertThat(in.dump().problems()).isNotEmpty();
            }
            assertThat(in.dump().capturedBytes()).isLessThanOrEqualTo(whole.capturedBytes());
            if (b.length < 0x2000) {
                assertThat(in.dump().problems()).anySatisfy(p -> assertThat(p).contains("inside the 64-bit dump header"));
            }
        } catch (InputException e) {
            assertThat(b.length).isLessThan(8);
        }
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Integer>> cut() {
        return Combinators.combine(Arbitraries.integers().between(0, DUMPS.size() - 1), Arbitraries.integers().between(0, 1_500_000)).as(Tuple::of);
    }
}
