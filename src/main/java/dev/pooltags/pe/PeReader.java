package dev.pooltags.pe;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.source.TextFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads PE32 and PE32+ images (the format of Windows drivers, DLLs and executables) as the Microsoft PE/COFF
 * specification lays them out. Every offset taken from the file is checked before it is followed and every
 * loop is bounded by the file's size, so a truncated or hostile file ends in an {@link InputException} that
 * names the file and what is wrong.
 */
public final class PeReader {
    /** Files up to this size are read into memory; larger ones are mapped (Java 17 cannot unmap on demand). */
    static final int READ_LIMIT = 1 << 20;
    /** More imports than any real image has: a file claiming more is hostile. */
    static final int MAX_IMPORTS = 100_000;
    static final int MAX_NAME = 512;
    /**
     * The largest SizeOfImage accepted: Windows loads no image of 2 GiB or more, and keeping every RVA 64 KiB below
     * 2^31 lets the decoders add an instruction's length or a short displacement to an RVA in {@code int}
     * without overflow.
     */
    public static final long MAX_IMAGE_SIZE = 0x7FFF_0000L;

    private static final int DIR_EXPORT = 0;
    private static final int DIR_IMPORT = 1;
    private static final int DIR_EXCEPTION = 3;
    private static final int DIR_BASERELOC = 5;
    private static final int DIR_DELAY_IMPORT = 13;
    private static final int DIR_CLR = 14;

    private PeReader() {}

    /** Reads the image in a file: mapped read-only (or read, when small). */
    public static PeImage read(Path file) {
        return parse(file.toString(), load(file));
    }

    /** The file's bytes as a little-endian read-only buffer; I/O problems become an {@link InputException}. */
    public static ByteBuffer load(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0; // missing or unreadable: reading it below says which, as for every other file pooltags reads
        }
        if (size <= READ_LIMIT) {
            return ByteBuffer.wrap(TextFiles.readAllBytes(file)).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        if (size > Integer.MAX_VALUE) {
            throw new InputException(file, "is " + size + " bytes, larger than any driver image (2 GiB at most)");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + Reasons.of(e), e);
        }
    }

    /** True when the bytes start with the MZ signature every PE file has (a quick test before a full read). */
    public static boolean hasMzSignature(ByteBuffer b) {
        return b.limit() >= 2 && b.get(0) == 'M' && b.get(1) == 'Z';
    }

    /**
     * Parses an image.
     *
     * @param name  the file as named in messages
     * @param bytes the whole file, little-endian
     * @throws InputException when the bytes are not a well-formed PE image
     */
    public static PeImage parse(String name, ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new Parse(name, b).image();
    }

    /** The state of one parse; every read goes through the checked helpers. */
    private static final class Parse {
        private final String name;
        private final ByteBuffer b;
        private final int size;
        private int machine;
        private boolean plus;
        private long imageBase;
        private int sizeOfHeaders;
        private final List<Section> sections = new ArrayList<>();
        private final long[] dirRva = new long[16];
        private final long[] dirSize = new long[16];

        Parse(String name, ByteBuffer b) {
            this.name = name;
            this.b = b;
            this.size = b.limit();
        }

        private InputException bad(String problem) {
            return new InputException(name, 0, problem);
        }

        private int u16(long off, String what) {
            need(off, 2, what);
            return b.getShort((int) off) & 0xFFFF;
        }

        private long u32(long off, String what) {
            need(off, 4, what);
            return Integer.toUnsignedLong(b.getInt((int) off));
        }

        private long u64(long off, String what) {
            need(off, 8, what);
            return b.getLong((int) off);
        }

        private void need(long off, long len, String what) {
            if (off < 0 || len < 0 || off + len > size) {
                throw bad(what + " lies beyond the end of the file (at offset 0x" + Long.toHexString(off) + ", the file has "
                        + size + " bytes): truncated or damaged");
            }
        }

        PeImage image() {
            if (size < 0x40) {
                throw bad("is " + size + " bytes, too small to be a PE file");
            }
            if (b.get(0) != 'M' || b.get(1) != 'Z') {
                throw bad("not a PE file (no MZ signature)");
            }
            long lfanew = u32(0x3C, "the PE header offset");
            if (lfanew < 4 || lfanew > size - 24) {
                throw bad("the PE header offset 0x" + Long.toHexString(lfanew) + " is outside the file (" + size + " bytes)");
            }
            if (u32(lfanew, "the PE signature") != 0x00004550L) {
                throw bad("no PE signature at offset 0x" + Long.toHexString(lfanew) + " (an MS-DOS, NE or LE executable?)");
            }
            long coff = lfanew + 4;
            machine = u16(coff, "the COFF header");
            int nsect = u16(coff + 2, "the COFF header");
            int sizeOpt = u16(coff + 16, "the COFF header");
            long opt = coff + 20;
            if (sizeOpt < 2) {
                throw bad("has no optional header (size " + sizeOpt + "): an object file, not an image");
            }
            need(opt, sizeOpt, "the optional header (" + sizeOpt + " bytes)");
            int magic = u16(opt, "the optional header");
            if (magic == 0x20B) {
                plus = true;
            } else if (magic != 0x10B) {
                throw bad(String.format("unknown optional header magic 0x%04X (expected 0x10B for PE32, 0x20B for PE32+)", magic));
            }
            int ddOff = plus ? 112 : 96;
            if (sizeOpt < ddOff) {
                throw bad("the optional header is " + sizeOpt + " bytes, too small for a PE32" + (plus ? "+" : "") + " header ("
                        + ddOff + " needed)");
            }
            long entry = u32(opt + 16, "the entry point");
            imageBase = plus ? u64(opt + 24, "the image base") : u32(opt + 28, "the image base");
            long sizeOfImage = u32(opt + 56, "the image size");
            if (sizeOfImage > MAX_IMAGE_SIZE) {
                throw bad("SizeOfImage is 0x" + Long.toHexString(sizeOfImage) + " bytes in the optional header, more than any"
                        + " image can have (Windows loads images under 2 GiB): damaged");
            }
            long headers = u32(opt + 60, "the headers size");
            sizeOfHeaders = (int) Math.min(headers, size);
            long nrva = u32(opt + ddOff - 4, "the directory count");
            int dirs = (int) Math.min(Math.min(nrva, 16), (sizeOpt - ddOff) / 8);
            for (int i = 0; i < dirs; i++) {
                dirRva[i] = u32(opt + ddOff + 8L * i, "the data directories");
                dirSize[i] = u32(opt + ddOff + 8L * i + 4, "the data directories");
            }
            readSections(opt + sizeOpt, nsect, sizeOfImage);
            boolean clrOnly = readClrOnly();
            List<Import> imports = new ArrayList<>();
            readImports(imports);
            readDelayImports(imports);
            List<Export> exports = readExports();
            int[] relocs = readRelocations();
            List<FunctionRange> functions = readFunctions(sizeOfImage);
            return new PeImage(name, b.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), machine, plus, imageBase, (int) entry,
                    (int) sizeOfImage, sizeOfHeaders, clrOnly, sections, imports, exports, relocs, functions);
        }

        private void readSections(long table, int n, long sizeOfImage) {
            if (table + 40L * n > size) {
                throw bad("the section table (" + n + " sections at offset 0x" + Long.toHexString(table)
                        + ") runs past the end of the file (" + size + " bytes): truncated or damaged");
            }
            for (int i = 0; i < n; i++) {
                long h = table + 40L * i;
                byte[] raw = new byte[8];
                b.get((int) h, raw);
                int len = 0;
                while (len < 8 && raw[len] != 0) {
                    len++;
                }
                String sname = new String(raw, 0, len, StandardCharsets.ISO_8859_1);
                long vsize = u32(h + 8, "section header");
                long va = u32(h + 12, "section header");
                long rawSize = u32(h + 16, "section header");
                long rawPtr = u32(h + 20, "section header");
                int chars = (int) u32(h + 36, "section header");
                long memSize = vsize != 0 ? vsize : rawSize;
                if (va + memSize > sizeOfImage) {
                    // the loader refuses such an image; letting it through would put RVAs past what the decoders index
                    throw bad("section " + sname + " (header " + (i + 1) + "): VirtualAddress 0x" + Long.toHexString(va)
                            + " + " + (vsize != 0 ? "VirtualSize" : "SizeOfRawData") + " 0x" + Long.toHexString(memSize)
                            + " ends past SizeOfImage 0x" + Long.toHexString(sizeOfImage) + ": damaged");
                }
                if ((chars & Section.CNT_UNINITIALIZED_DATA) != 0 && (chars & Section.CNT_CODE) == 0) {
                    rawSize = 0; // .bss-like: no file data whatever the header says
                }
                long backed = Math.min(rawSize, vsize != 0 ? vsize : rawSize);
                if (backed > 0 && rawPtr + backed > size) {
                    throw bad("section " + sname + ": its data (0x" + Long.toHexString(backed) + " bytes at offset 0x"
                            + Long.toHexString(rawPtr) + ") runs past the end of the file (" + size + " bytes): truncated");
                }
                sections.add(new Section(sname, (int) va, (int) vsize, (int) rawPtr, (int) rawSize, chars));
            }
        }

        /** File offset of an RVA, or -1 when no file byte backs it. */
        private long offset(long rva) {
            if (rva < 0) {
                return -1;
            }
            if (rva < sizeOfHeaders) {
                return rva;
            }
            for (Section s : sections) {
                if (s.containsRva(rva)) {
                    long in = rva - Integer.toUnsignedLong(s.virtualAddress());
                    if (in >= s.fileBackedSize()) {
                        return -1;
                    }
                    return Integer.toUnsignedLong(s.rawOffset()) + in;
                }
            }
            return -1;
        }

        private long at(long rva, int len, String what) {
            long off = offset(rva);
            if (off < 0 || offset(rva + len - 1) != off + len - 1) {
                throw bad(what + " (RVA 0x" + Long.toHexString(rva) + ") is outside the file's data: truncated or damaged");
            }
            need(off, len, what);
            return off;
        }

        /**
         * True when the RVA lies in a section's memory but past its file data: the loader fills it with zeros (a
         * packed driver's sections are often all like this until its unpacker runs), so it reads as zeros.
         */
        private boolean zeroFilled(long rva, int len) {
            for (Section s : sections) {
                if (s.containsRva(rva) && s.containsRva(rva + len - 1)) {
                    return rva - Integer.toUnsignedLong(s.virtualAddress()) >= s.fileBackedSize();
                }
            }
            return false;
        }

        private long r32(long rva, String what) {
            return zeroFilled(rva, 4) ? 0 : u32(at(rva, 4, what), what);
        }

        private long rPtr(long rva, String what) {
            int len = plus ? 8 : 4;
            if (zeroFilled(rva, len)) {
                return 0;
            }
            return plus ? u64(at(rva, 8, what), what) : u32(at(rva, 4, what), what);
        }

        private String cString(long rva, String what) {
            if (zeroFilled(rva, 1)) {
                return "";
            }
            long off = at(rva, 1, what);
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < MAX_NAME; i++) {
                if (off + i >= size) {
                    throw bad(what + " (RVA 0x" + Long.toHexString(rva) + ") runs past the end of the file");
                }
                int c = b.get((int) (off + i)) & 0xFF;
                if (c == 0) {
                    return sb.toString();
                }
                sb.append((char) c);
            }
            throw bad(what + " (RVA 0x" + Long.toHexString(rva) + ") is not terminated within " + MAX_NAME + " bytes");
        }

        private boolean readClrOnly() {
            if (dirRva[DIR_CLR] == 0 || dirSize[DIR_CLR] < 20) {
                return false;
            }
            long flags = r32(dirRva[DIR_CLR] + 16, "the .NET header");
            return (flags & 1) != 0;
        }

        private void readImports(List<Import> out) {
            long rva = dirRva[DIR_IMPORT];
            if (rva == 0) {
                return;
            }
            // the descriptors first, up to the null one, so the tables they point at can be checked against them
            List<long[]> descriptors = new ArrayList<>();
            for (int i = 0; ; i++) {
                long[] d = descriptor(false, rva + 20L * i, i, 0, 12, 16); // lookup table, name, address table
                if (d[0] == 0 && d[1] == 0 && d[2] == 0) {
                    break;
                }
                descriptors.add(d);
            }
            long tableEnd = rva + 20L * (descriptors.size() + 1);
            for (int i = 0; i < descriptors.size(); i++) {
                long[] d = descriptors.get(i);
                readModule(out, false, i, d[1], d[0] != 0 ? d[0] : d[2], d[2], rva, tableEnd);
            }
        }

        /**
         * The 32-bit fields at {@code offsets} of descriptor {@code i} (at {@code at}) of an import or delay-import
         * table; a table that goes on past {@link #MAX_IMPORTS} descriptors is refused.
         */
        private long[] descriptor(boolean delayed, long at, int i, int... offsets) {
            String kind = delayed ? "delay-import" : "import";
            if (i >= MAX_IMPORTS) {
                throw bad("has more than " + MAX_IMPORTS + " " + kind + " descriptors: damaged or not a driver image");
            }
            long[] fields = new long[offsets.length];
            for (int f = 0; f < offsets.length; f++) {
                fields[f] = r32(at + offsets[f], kind + " descriptor " + i);
            }
            return fields;
        }

        /**
         * The imports of one descriptor's module: its name, then its thunks, with both tables checked against the
         * descriptors at [from, to) before and after.
         *
         * @param delayed true for a delay-import descriptor
         */
        private void readModule(List<Import> out, boolean delayed, int i, long nameRva, long names, long slots, long from,
                long to) {
            String kind = delayed ? "delay-import" : "import";
            String module = cString(nameRva, "the name of " + kind + "ed module " + i);
            if (module.isEmpty()) {
                throw importsUnreadable(kind + " descriptor " + i + " names no module");
            }
            int before = out.size();
            notInside(module, names, slots, 0, from, to);
            readThunks(out, module, names, slots, delayed);
            notInside(module, names, slots, out.size() - before, from, to);
        }

        /**
         * A lookup (name) or address (slot) table inside its own descriptors reads the descriptors as imports: the
         * import table points at itself.
         */
        private void notInside(String module, long names, long slots, int count, long from, long to) {
            long len = count == 0 ? 1 : (long) (plus ? 8 : 4) * (count + 1);
            for (long table : new long[] {names, slots}) {
                if (table != 0 && table < to && table + len > from) {
                    throw importsUnreadable("the import " + (table == names ? "lookup" : "address") + " table of " + module
                            + " (RVA 0x" + Long.toHexString(table) + ") lies inside the import descriptors (RVA 0x"
                            + Long.toHexString(from) + " to 0x" + Long.toHexString(to) + ")");
                }
            }
        }

        /** The import table is there but cannot be trusted: without it no pool call can be found, so say so. */
        private InputException importsUnreadable(String why) {
            return bad("the imports could not be read: " + why + " (damaged import directory)");
        }

        private void readDelayImports(List<Import> out) {
            long rva = dirRva[DIR_DELAY_IMPORT];
            if (rva == 0) {
                return;
            }
            for (int i = 0; ; i++) {
                long d = rva + 32L * i;
                long[] fields = descriptor(true, d, i, 0, 4, 12, 16); // attributes, name, address table, name table
                long attrs = fields[0];
                long nameRva = fields[1];
                long iat = fields[2];
                long intRva = fields[3];
                if (nameRva == 0 && iat == 0 && intRva == 0) {
                    return;
                }
                if ((attrs & 1) == 0) {
                    // the old (Visual C++ 6) layout holds virtual addresses, not RVAs
                    nameRva = (nameRva - imageBase) & 0xFFFFFFFFL;
                    iat = (iat - imageBase) & 0xFFFFFFFFL;
                    intRva = (intRva - imageBase) & 0xFFFFFFFFL;
                }
                readModule(out, true, i, nameRva, intRva, iat, d, d + 32);
            }
        }

        private void readThunks(List<Import> out, String module, long names, long slots, boolean delayed) {
            int ptr = plus ? 8 : 4;
            for (int k = 0; ; k++) {
                if (out.size() >= MAX_IMPORTS) {
                    throw bad("has more than " + MAX_IMPORTS + " imports: damaged or not a driver image");
                }
                long entry = rPtr(names + (long) ptr * k, "an import of " + module);
                if (entry == 0) {
                    return;
                }
                long slot = slots + (long) ptr * k;
                if (slot > 0xFFFFFFFFL) {
                    throw bad("an import slot of " + module + " lies outside the address space");
                }
                boolean byOrdinal = plus ? entry < 0 : (entry & 0x80000000L) != 0;
                if (byOrdinal) {
                    out.add(new Import(module, null, (int) (entry & 0xFFFF), (int) slot, delayed));
                } else {
                    long hintName = entry & 0x7FFFFFFFL;
                    if (delayed && hintName >= imageBase && imageBase > 0 && offset(hintName) < 0) {
                        hintName -= imageBase;
                    }
                    String importName = cString(hintName + 2, "an import name of " + module);
                    if (importName.isEmpty()) {
                        throw importsUnreadable("import " + k + " of " + module + " has an empty name");
                    }
                    out.add(new Import(module, importName, -1, (int) slot, delayed));
                }
            }
        }

        private List<Export> readExports() {
            long rva = dirRva[DIR_EXPORT];
            List<Export> out = new ArrayList<>();
            if (rva == 0) {
                return out;
            }
            long nFunctions = r32(rva + 20, "the export directory");
            long nNames = r32(rva + 24, "the export directory");
            long functions = r32(rva + 28, "the export directory");
            long names = r32(rva + 32, "the export directory");
            long ordinals = r32(rva + 36, "the export directory");
            if (nFunctions > 65536 || nNames > nFunctions) {
                throw bad("the export directory claims " + nFunctions + " functions and " + nNames + " names: damaged");
            }
            Map<Integer, String> byIndex = new HashMap<>();
            for (int i = 0; i < nNames; i++) {
                long nameRva = r32(names + 4L * i, "the export name table");
                int index = u16(at(ordinals + 2L * i, 2, "the export ordinal table"), "the export ordinal table");
                byIndex.put(index, cString(nameRva, "an export name"));
            }
            long dirEnd = rva + dirSize[DIR_EXPORT];
            for (int i = 0; i < nFunctions; i++) {
                long f = r32(functions + 4L * i, "the export address table");
                if (f == 0 || f >= rva && f < dirEnd) {
                    continue; // unused slot, or a forwarder string ("ntoskrnl.ExFoo")
                }
                out.add(new Export(byIndex.get(i), (int) f));
            }
            return out;
        }

        private int[] readRelocations() {
            long rva = dirRva[DIR_BASERELOC];
            long total = dirSize[DIR_BASERELOC];
            if (rva == 0 || total == 0 || zeroFilled(rva, 1)) {
                return new int[0];
            }
            int[] out = new int[16];
            int n = 0;
            long pos = 0;
            while (pos + 8 <= total) {
                long page = r32(rva + pos, "a base relocation block");
                long blockSize = r32(rva + pos + 4, "a base relocation block");
                if (blockSize < 8 || blockSize > total - pos) {
                    throw bad("a base relocation block at RVA 0x" + Long.toHexString(rva + pos) + " has size " + blockSize
                            + ", which does not fit the relocation directory");
                }
                long count = (blockSize - 8) / 2;
                long entries = at(rva + pos + 8, (int) Math.max(2, count * 2), "a base relocation block");
                for (int i = 0; i < count; i++) {
                    int e = u16(entries + 2L * i, "a base relocation entry");
                    int type = e >>> 12;
                    if (type == 3 || type == 10) {
                        if (n == out.length) {
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = (int) (page + (e & 0xFFF));
                    }
                }
                pos += blockSize;
            }
            int[] r = java.util.Arrays.copyOf(out, n);
            java.util.Arrays.sort(r);
            return r;
        }

        private List<FunctionRange> readFunctions(long sizeOfImage) {
            long rva = dirRva[DIR_EXCEPTION];
            long total = dirSize[DIR_EXCEPTION];
            List<FunctionRange> out = new ArrayList<>();
            if (rva == 0 || total == 0) {
                return out;
            }
            Machine m = Machine.of(machine);
            if (zeroFilled(rva, 1)) {
                return out; // not in the file (a packed image): no function ranges to read
            }
            if (m == Machine.X64) {
                long n = total / 12;
                long base = at(rva, (int) Math.min(Math.max(12, n * 12), Integer.MAX_VALUE), "the exception directory (.pdata)");
                for (long i = 0; i < n; i++) {
                    long begin = u32(base + 12 * i, ".pdata");
                    long end = u32(base + 12 * i + 4, ".pdata");
                    long unwind = u32(base + 12 * i + 8, ".pdata");
                    if (begin >= end || end > sizeOfImage) {
                        continue; // a damaged entry only loses that function
                    }
                    boolean fragment = (unwind & 1) != 0;
                    if (!fragment) {
                        long uoff = offset(unwind);
                        fragment = uoff >= 0 && uoff < size && ((b.get((int) uoff) & 0xFF) >>> 3 & 4) != 0;
                    }
                    out.add(new FunctionRange((int) begin, (int) end, fragment));
                }
            } else if (m == Machine.ARM64) {
                long n = total / 8;
                long base = at(rva, (int) Math.min(Math.max(8, n * 8), Integer.MAX_VALUE), "the exception directory (.pdata)");
                for (long i = 0; i < n; i++) {
                    long begin = u32(base + 8 * i, ".pdata");
                    long data = u32(base + 8 * i + 4, ".pdata");
                    long length;
                    if ((data & 3) == 0) {
                        long xoff = offset(data);
                        if (xoff < 0 || xoff + 4 > size) {
                            continue;
                        }
                        length = (Integer.toUnsignedLong(b.getInt((int) xoff)) & 0x3FFFF) * 4;
                    } else {
                        length = (data >>> 2 & 0x7FF) * 4;
                    }
                    long end = begin + length;
                    if (length == 0 || end > sizeOfImage) {
                        continue;
                    }
                    out.add(new FunctionRange((int) begin, (int) end, false));
                }
            }
            out.sort((x, y) -> Integer.compareUnsigned(x.begin(), y.begin()));
            return out;
        }
    }
}
