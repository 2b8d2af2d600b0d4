package dev.pooltags.pe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * A PE image as {@link PeReader} read it: headers, sections, imports, exports, relocations and function ranges,
 * over the file's bytes (a read-only mapping or array). Every accessor that takes an RVA checks it: an address
 * outside the image's file-backed bytes reads as "absent" ({@code -1}), never as an exception.
 */
public final class PeImage {
    private final String name;
    private final ByteBuffer bytes;
    private final Machine machine;
    private final int machineCode;
    private final boolean pe32Plus;
    private final long imageBase;
    private final int entryRva;
    private final int sizeOfImage;
    private final int sizeOfHeaders;
    private final boolean clrOnly;
    private final List<Section> sections;
    private final List<Import> imports;
    private final List<Export> exports;
    private final int[] relocations;
    private final List<FunctionRange> functions;
    private final int[] functionBegins;
    private Section last;

    PeImage(String name, ByteBuffer bytes, int machineCode, boolean pe32Plus, long imageBase, int entryRva,
            int sizeOfImage, int sizeOfHeaders, boolean clrOnly, List<Section> sections, List<Import> imports,
            List<Export> exports, int[] relocations, List<FunctionRange> functions) {
        this.name = name;
        this.bytes = bytes;
        this.machineCode = machineCode;
        this.machine = Machine.of(machineCode);
        this.pe32Plus = pe32Plus;
        this.imageBase = imageBase;
        this.entryRva = entryRva;
        this.sizeOfImage = sizeOfImage;
        this.sizeOfHeaders = sizeOfHeaders;
        this.clrOnly = clrOnly;
        this.sections = List.copyOf(sections);
        this.imports = List.copyOf(imports);
        this.exports = List.copyOf(exports);
        this.relocations = relocations;
        this.functions = List.copyOf(functions);
        this.functionBegins = new int[functions.size()];
        for (int i = 0; i < functionBegins.length; i++) {
            functionBegins[i] = functions.get(i).begin();
        }
    }

    /** The file as named in messages. */
    public String name() {
        return name;
    }

    public Machine machine() {
        return machine;
    }

    /** The raw COFF machine value (for machines {@link Machine} does not name). */
    public int machineCode() {
        return machineCode;
    }

    /** True for PE32+ (64-bit optional header). */
    public boolean isPe32Plus() {
        return pe32Plus;
    }

    /** The preferred load address; reports show addresses as imageBase + RVA, as disassemblers do. */
    public long imageBase() {
        return imageBase;
    }

    /** RVA of the entry point (DriverEntry for a driver), 0 when there is none. */
    public int entryRva() {
        return entryRva;
    }

    public int sizeOfImage() {
        return sizeOfImage;
    }

    /** True for a .NET image with only IL code (no native code to decode). */
    public boolean isClrOnly() {
        return clrOnly;
    }

    /** Whether pooltags can decode this image's code, and if not, why not (null when it can). */
    public String undecodableReason() {
        if (!machine.decodable()) {
            return machine == Machine.UNKNOWN
                    ? String.format("unsupported machine type 0x%04X", machineCode)
                    : "unsupported machine " + machine.label() + " (only x86, x64 and ARM64 code is decoded)";
        }
        if (clrOnly) {
            return ".NET image with IL code only, no native code";
        }
        if (sections.stream().noneMatch(s -> s.isExecutable() && s.fileBackedSize() > 0)) {
            return "no code in the file: its code sections are filled in at run time (packed or compressed)";
        }
        return null;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Imports and delay imports, in directory order. */
    public List<Import> imports() {
        return imports;
    }

    public List<Export> exports() {
        return exports;
    }

    /** RVAs of every relocated field (sorted): where the image holds absolute addresses. */
    public int[] relocations() {
        return relocations.clone();
    }

    /** True when a relocation applies at this RVA (the 4 or 8 bytes there hold an absolute address). */
    public boolean isRelocated(int rva) {
        return Arrays.binarySearch(relocations, rva) >= 0;
    }

    /** The {@code .pdata} function ranges, sorted by start (empty on x86, which has none). */
    public List<FunctionRange> functions() {
        return functions;
    }

    /** The {@code .pdata} range containing this RVA, or null. */
    public FunctionRange functionAt(int rva) {
        int i = Arrays.binarySearch(functionBegins, rva);
        if (i < 0) {
            i = -i - 2;
        }
        // ranges may nest or overlap in hostile files: look back a little for one that covers the address
        for (int k = i; k >= 0 && k > i - 4; k--) {
            FunctionRange f = functions.get(k);
            if (Integer.compareUnsigned(rva, f.begin()) >= 0 && Integer.compareUnsigned(rva, f.end()) < 0) {
                return f;
            }
        }
        return null;
    }

    /** The section holding this RVA in memory, or null (headers and gaps belong to none). */
    public Section sectionOf(long rva) {
        Section l = last;
        if (l != null && l.containsRva(rva)) {
            return l;
        }
        for (Section s : sections) {
            if (s.containsRva(rva)) {
                last = s;
                return s;
            }
        }
        return null;
    }

    /**
     * The file offset of the byte at this RVA, or -1 when no file byte backs it (outside every section, or in a
     * section's zero-filled tail).
     */
    public long fileOffset(long rva) {
        if (rva < 0) {
            return -1;
        }
        if (rva < sizeOfHeaders && rva < bytes.limit()) {
            return rva;
        }
        Section s = sectionOf(rva);
        if (s == null) {
            return -1;
        }
        long inSection = rva - Integer.toUnsignedLong(s.virtualAddress());
        if (inSection >= s.fileBackedSize()) {
            return -1;
        }
        long off = Integer.toUnsignedLong(s.rawOffset()) + inSection;
        return off < bytes.limit() ? off : -1;
    }

    /** The byte at this RVA (0-255); 0 in a section's zero-filled tail; -1 outside the image. */
    public int u8(long rva) {
        long off = fileOffset(rva);
        if (off >= 0) {
            return bytes.get((int) off) & 0xFF;
        }
        Section s = sectionOf(rva);
        return s != null ? 0 : -1;
    }

    /** The little-endian 32-bit value at this RVA as an unsigned long, or -1 when any byte is outside the image. */
    public long u32(long rva) {
        long off = fileOffset(rva);
        if (off >= 0 && off + 4 <= bytes.limit() && fileOffset(rva + 3) == off + 3) {
            return Integer.toUnsignedLong(bytes.getInt((int) off));
        }
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            int b = u8(rva + i);
            if (b < 0) {
                return -1;
            }
            v = v << 8 | b;
        }
        return v;
    }

    /** True when the RVA lies in a section the loader maps writable: its value at run time may not be the file's. */
    public boolean isWritable(long rva) {
        Section s = sectionOf(rva);
        return s == null || s.isWritable();
    }

    /** True when the RVA lies in an executable section. */
    public boolean isExecutable(long rva) {
        Section s = sectionOf(rva);
        return s != null && s.isExecutable();
    }

    /**
     * The file's bytes, little-endian, read-only. Absolute reads only ({@code get(int)}), so threads may share it.
     */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** Pointer size in bytes: 8 for PE32+, 4 for PE32. */
    public int pointerSize() {
        return pe32Plus ? 8 : 4;
    }

    /** An RVA as the address a disassembler shows: image base + RVA. */
    public long va(int rva) {
        return imageBase + Integer.toUnsignedLong(rva);
    }

    @Override
    public String toString() {
        return name + " (" + machine.label() + ", " + sections.size() + " sections, " + imports.size() + " imports)";
    }
}
