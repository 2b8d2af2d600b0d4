package dev.pooltags.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.scan.ImageScan;
import dev.pooltags.scan.ImageScanner;
import dev.pooltags.source.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * Damaged drivers: truncated at any length, bytes flipped anywhere, header fields set to absurd values. Reading
 * either succeeds or is an {@link InputException} naming the file; scanning what was read never throws and
 * finishes quickly. (Time is bounded per case so a loop that does not end fails the test instead of hanging it.)
 */
class PeFuzzTest {
    private static final List<byte[]> DRIVERS = load();

    private static List<byte[]> load() {
        try (Stream<Path> s = Files.walk(PeReaderTest.DRIVERS)) {
            return s.filter(p -> p.toString().endsWith(".sys")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and scans; the only failure allowed is an InputException that names the file. */
    private static void readAndScan(byte[] b) {
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            PeImage img;
            try {
                img = PeReader.parse("fuzz.sys", ByteBuffer.wrap(b));
            } catch (InputException e) {
                assertThat(e.getMessage()).startsWith("fuzz.sys: ").doesNotContain("\n");
                return;
            }
            ImageScan scan = ImageScanner.scan(img);
            assertThat(scan.uses()).allSatisfy(u -> assertThat(u.routine()).isNotNull());
        });
    }

    @Property(tries = 150)
    void truncatedAnywhere(@ForAll("driver") byte[] driver, @ForAll("fraction") double keep) {
        readAndScan(java.util.Arrays.copyOf(driver, (int) (driver.length * keep)));
    }

    @Property(tries = 250)
    void bytesFlipped(@ForAll("driver") byte[] driver, @ForAll("flips") List<int[]> flips) {
        byte[] b = driver.clone();
        for (int[] f : flips) {
            int at = Math.floorMod(f[0], b.length);
            b[at] ^= (byte) (f[1] | 1);
        }
        readAndScan(b);
    }

    @Property(tries = 200)
    void headerFieldsAbsurd(@ForAll("driver") byte[] driver, @ForAll("headerField") int field, @ForAll("absurd") int value) {
        byte[] b = driver.clone();
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int lfanew = bb.getInt(0x3C);
        int opt = lfanew + 24;
        boolean plus = bb.getShort(opt) == 0x20B;
        int dd = opt + (plus ? 112 : 96);
        int sections = opt + (bb.getShort(lfanew + 20) & 0xFFFF);
        int at = switch (field) {
            case 0 -> 0x3C;                       // e_lfanew
            case 1 -> lfanew + 6;                 // NumberOfSections (16 bits)
            case 2 -> lfanew + 20;                // SizeOfOptionalHeader (16 bits)
            case 3 -> opt + 60;                   // SizeOfHeaders
            case 4 -> dd - 4;                     // NumberOfRvaAndSizes
            case 5 -> dd + 8;                     // import directory RVA
            case 6 -> dd + 12;                    // import directory size
            case 7 -> dd + 24;                    // exception directory RVA
            case 8 -> dd + 28;                    // exception directory size
            case 9 -> dd + 40;                    // base relocation RVA
            case 10 -> dd + 44;                   // base relocation size
            case 11 -> sections + 8;              // first section's VirtualSize
            case 12 -> sections + 16;             // first section's SizeOfRawData
            case 13 -> sections + 20;             // first section's PointerToRawData
            case 14 -> sections + 12;             // first section's VirtualAddress
            case 15 -> opt + 16;                  // AddressOfEntryPoint
            default -> dd + 13 * 8;               // delay import directory RVA
        };
        if (field == 1 || field == 2) {
            bb.putShort(at, (short) value);
        } else {
            bb.putInt(at, value);
        }
        readAndScan(b);
    }

    /** The seed that found the ARM64 crash of issue 17, kept as a case of its own. */
    @Property(tries = 200, seed = "-7789634648552852010")
    void headerFieldsAbsurdSeedOfIssue17(@ForAll("driver") byte[] driver, @ForAll("headerField") int field,
            @ForAll("absurd") int value) {
        headerFieldsAbsurd(driver, field, value);
    }

    /**
     * What that seed found: an ARM64 image whose first section has VirtualAddress 0x7FFFFFFF made the slot search
     * index its code array at -2^31 (ArrayIndexOutOfBoundsException). Such a section ends past SizeOfImage, which
     * the loader refuses: it is damaged input, named by section and field.
     */
    @Example
    void aSectionAt2GiBIsDamagedInputNamingTheField() throws IOException {
        for (String build : List.of("clang-arm64", "clang-x64", "clang-x86")) {
            byte[] b = PeReaderTest.bytes(build, "poolalloc");
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int lfanew = bb.getInt(0x3C);
            int sections = lfanew + 24 + (bb.getShort(lfanew + 20) & 0xFFFF);
            bb.putInt(sections + 12, 0x7FFFFFFF);
            assertThatThrownBy(() -> PeReader.parse("fuzz.sys", ByteBuffer.wrap(b))).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("fuzz.sys: section .text (header 1): VirtualAddress 0x7fffffff + VirtualSize")
                    .hasMessageContaining("ends past SizeOfImage");
            readAndScan(b);
        }
    }

    /** SizeOfImage of 2 GiB or more: Windows loads no such image, and the decoders index RVAs as int. */
    @Example
    void anImageOf2GiBIsDamagedInput() throws IOException {
        byte[] b = PeReaderTest.bytes("clang-arm64", "poolalloc");
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(bb.getInt(0x3C) + 24 + 56, 0x7FFFFFFF);
        assertThatThrownBy(() -> PeReader.parse("fuzz.sys", ByteBuffer.wrap(b)))
                .hasMessage("fuzz.sys: SizeOfImage is 0x7fffffff bytes in the optional header, more than any image can have"
                        + " (Windows loads images under 2 GiB): damaged");
    }

    @Property(tries = 100)
    void garbageAfterTheHeaders(@ForAll("driver") byte[] driver, @ForAll long seed) {
        byte[] b = driver.clone();
        java.util.Random r = new java.util.Random(seed);
        int from = 0x400;
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) r.nextInt();
        }
        readAndScan(b);
    }

    @Provide
    Arbitrary<byte[]> driver() {
        return Arbitraries.of(DRIVERS);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<int[]>> flips() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(1, 255)).as((a, v) -> new int[] {a, v})
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> headerField() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Integer> absurd() {
        return Arbitraries.oneOf(Arbitraries.of(0, -1, 1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 0x1000, 0x400, 0x3C, 0x40),
                Arbitraries.integers());
    }
}
