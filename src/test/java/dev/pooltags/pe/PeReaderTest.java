package dev.pooltags.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PE reader on the committed test drivers and on damaged copies of them. */
class PeReaderTest {
    static final Path DRIVERS = Path.of("src/test/resources/drivers");

    static byte[] bytes(String build, String driver) throws IOException {
        return Files.readAllBytes(DRIVERS.resolve(build).resolve(driver + ".sys"));
    }

    static PeImage parse(byte[] b) {
        return PeReader.parse("test.sys", ByteBuffer.wrap(b));
    }

    @Test
    void readsEveryArchitectureOfTheTestDrivers() {
        assertThat(PeReader.read(DRIVERS.resolve("mingw-x86/poolalloc.sys")).machine()).isEqualTo(Machine.X86);
        assertThat(PeReader.read(DRIVERS.resolve("clang-x86/poolalloc.sys")).machine()).isEqualTo(Machine.X86);
        assertThat(PeReader.read(DRIVERS.resolve("mingw-x64/poolalloc.sys")).machine()).isEqualTo(Machine.X64);
        PeImage arm = PeReader.read(DRIVERS.resolve("clang-arm64/poolalloc.sys"));
        assertThat(arm.machine()).isEqualTo(Machine.ARM64);
        assertThat(arm.isPe32Plus()).isTrue();
        assertThat(arm.undecodableReason()).isNull();
        assertThat(arm.functions()).isNotEmpty().allMatch(f -> Integer.compareUnsigned(f.begin(), f.end()) < 0);
    }

    @Test
    void importSlotsAreInTheImportAddressTable() {
        PeImage img = PeReader.read(DRIVERS.resolve("clang-x64/poolalloc.sys"));
        Import alloc = img.imports().stream().filter(i -> "ExAllocatePoolWithTag".equals(i.name())).findFirst().orElseThrow();
        assertThat(alloc.module()).isEqualTo("ntoskrnl.exe");
        assertThat(alloc.delayed()).isFalse();
        // before the loader binds it, an IAT slot holds the same hint/name RVA as the lookup table entry
        long slotValue = img.u32(alloc.slotRva());
        assertThat(slotValue).isPositive();
        assertThat(img.u8(slotValue + 2)).isEqualTo('E');
    }

    @Test
    void x86ImportsCarryUndecoratedNamesAsOnWindows() {
        PeImage img = PeReader.read(DRIVERS.resolve("mingw-x86/poolalloc.sys"));
        assertThat(img.imports()).extracting(Import::name).contains("ExAllocatePoolWithTag", "ExAllocatePool2", "ExFreePool2")
                .noneMatch(n -> n.contains("@"));
    }

    @Test
    void addressesOutsideTheImageReadAsAbsent() {
        PeImage img = PeReader.read(DRIVERS.resolve("clang-x64/netvideo.sys"));
        assertThat(img.u8(0x7FFF_FFFFL)).isEqualTo(-1);
        assertThat(img.u32(-4)).isEqualTo(-1);
        assertThat(img.fileOffset(img.sizeOfImage() + 0x1000L)).isEqualTo(-1);
    }

    @Test
    void damagedFilesAreOneClearInputError() throws IOException {
        byte[] good = bytes("clang-x64", "poolalloc");
        int lfanew = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3C);

        assertThatThrownBy(() -> parse(new byte[0])).isInstanceOf(InputException.class)
                .hasMessage("test.sys: is 0 bytes, too small to be a PE file");
        byte[] text = "hello, this is not a driver at all; it is text of more than sixty-four bytes".getBytes();
        assertThatThrownBy(() -> parse(text)).hasMessage("test.sys: not a PE file (no MZ signature)");

        byte[] farHeader = good.clone();
        ByteBuffer.wrap(farHeader).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x7FFFFFF0);
        assertThatThrownBy(() -> parse(farHeader)).isInstanceOf(InputException.class)
                .hasMessageContaining("PE header offset 0x7ffffff0 is outside the file");

        byte[] noSignature = good.clone();
        noSignature[lfanew] = 'X';
        assertThatThrownBy(() -> parse(noSignature)).hasMessageContaining("no PE signature");

        byte[] manySections = good.clone();
        ByteBuffer.wrap(manySections).order(ByteOrder.LITTLE_ENDIAN).putShort(lfanew + 6, (short) 0xFFFF);
        assertThatThrownBy(() -> parse(manySections)).hasMessageContaining("the section table (65535 sections");

        byte[] badMagic = good.clone();
        ByteBuffer.wrap(badMagic).order(ByteOrder.LITTLE_ENDIAN).putShort(lfanew + 24, (short) 0x1234);
        assertThatThrownBy(() -> parse(badMagic)).hasMessageContaining("unknown optional header magic 0x1234");

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 700);
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(InputException.class)
                .hasMessageContaining("runs past the end of the file").hasMessageContaining("truncated");
    }

    @Test
    void unsupportedMachinesAreNamedNotGuessed() throws IOException {
        byte[] b = bytes("clang-x64", "netvideo");
        int lfanew = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(0x3C);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(lfanew + 4, (short) 0x0200);
        PeImage img = parse(b);
        assertThat(img.machine()).isEqualTo(Machine.IA64);
        assertThat(img.undecodableReason()).isEqualTo("unsupported machine IA-64 (only x86, x64 and ARM64 code is decoded)");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(lfanew + 4, (short) 0x7777);
        assertThat(parse(b).undecodableReason()).isEqualTo("unsupported machine type 0x7777");
    }

    @Test
    void sectionsWithoutFileDataReadAsZerosAsTheLoaderFillsThem() throws IOException {
        // packers (VMProtect and the like) leave .text, .pdata and others without file data until they run
        byte[] b = bytes("clang-x64", "poolalloc");
        PeImage original = parse(b);
        int index = 0;
        for (Section s : original.sections()) {
            if (s.name().equals(".pdata")) {
                break;
            }
            index++;
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int lfanew = bb.getInt(0x3C);
        int table = lfanew + 24 + (bb.getShort(lfanew + 20) & 0xFFFF);
        bb.putInt(table + 40 * index + 16, 0); // SizeOfRawData of .pdata
        PeImage packed = parse(b);
        assertThat(original.functions()).isNotEmpty();
        assertThat(packed.functions()).isEmpty();
        assertThat(packed.imports()).isEqualTo(original.imports());
        for (Section s : original.sections()) {
            if (s.isExecutable()) {
                bb.putInt(table + 40 * original.sections().indexOf(s) + 16, 0);
            }
        }
        assertThat(parse(b).undecodableReason()).startsWith("no code in the file");
    }

    @Test
    void missingAndFolderPathsAreInputErrors(@TempDir Path tmp) {
        assertThatThrownBy(() -> PeReader.read(tmp.resolve("nope.sys"))).isInstanceOf(InputException.class)
                .hasMessageEndingWith("nope.sys: no such file");
        assertThatThrownBy(() -> PeReader.read(tmp)).hasMessageEndingWith(": is a folder, not a file");
    }

    @Test
    void largeFilesAreMappedAndReadTheSame(@TempDir Path tmp) throws IOException {
        byte[] good = bytes("clang-arm64", "poolalloc");
        byte[] big = java.util.Arrays.copyOf(good, PeReader.READ_LIMIT + 4096); // overlay data after the image
        Path f = tmp.resolve("big.sys");
        Files.write(f, big);
        PeImage mapped = PeReader.read(f);
        PeImage small = parse(good);
        assertThat(mapped.imports()).isEqualTo(small.imports());
        assertThat(mapped.functions()).isEqualTo(small.functions());
        assertThat(List.of(mapped.bytes().isDirect(), mapped.bytes().isReadOnly())).containsExactly(true, true);
    }

    /** The file offset of an RVA, from the section table (test helper for patching images). */
    static int fileOffset(byte[] b, long rva) {
        PeImage img = parse(b);
        return (int) img.fileOffset(rva);
    }

    /**
     * Issue 20 item 14: an import table that points at itself read its own descriptors as imports with empty or
     * junk names, and the scan said "0 pool calls". Now the reader says the imports could not be read.
     */
    @Test
    void anImportTablePointingAtItselfSaysTheImportsCouldNotBeRead() throws IOException {
        for (String build : List.of("clang-x64", "clang-x86", "clang-arm64", "mingw-x64", "mingw-x86")) {
            byte[] good = bytes(build, "poolalloc");
            ByteBuffer bb = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
            int lfanew = bb.getInt(0x3C);
            int opt = lfanew + 24;
            int dd = opt + (bb.getShort(opt) == 0x20B ? 112 : 96);
            int importRva = bb.getInt(dd + 8);
            int desc = fileOffset(good, importRva);
            // the lookup table, then both tables, at the descriptors themselves
            for (int[] fields : new int[][] {{0}, {0, 16}, {16}}) {
                byte[] b = good.clone();
                for (int f : fields) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(desc + f, importRva);
                }
                assertThatThrownBy(() -> parse(b)).as(build).isInstanceOf(InputException.class)
                        .hasMessageStartingWith("test.sys: the imports could not be read: the import ")
                        .hasMessageContaining("table of ").hasMessageContaining("lies inside the import descriptors");
            }
        }
    }
}
