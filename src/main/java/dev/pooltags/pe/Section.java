package dev.pooltags.pe;

/**
 * One section header.
 *
 * @param name            the name as stored (up to 8 characters, NULs removed)
 * @param virtualAddress  RVA where the section is loaded
 * @param virtualSize     size in memory (0 in some linkers' output: then the raw size counts)
 * @param rawOffset       file offset of its data
 * @param rawSize         bytes of data in the file (the rest of the memory size is zero-filled)
 * @param characteristics the IMAGE_SCN_* flags
 */
public record Section(String name, int virtualAddress, int virtualSize, int rawOffset, int rawSize, int characteristics) {
    public static final int CNT_CODE = 0x00000020;
    public static final int CNT_UNINITIALIZED_DATA = 0x00000080;
    public static final int MEM_EXECUTE = 0x20000000;
    public static final int MEM_READ = 0x40000000;
    public static final int MEM_WRITE = 0x80000000;

    /** Size in memory: the virtual size, or the raw size when the linker left the virtual size 0. */
    public long memorySize() {
        return virtualSize != 0 ? Integer.toUnsignedLong(virtualSize) : Integer.toUnsignedLong(rawSize);
    }

    /** Bytes of the section that come from the file. */
    public long fileBackedSize() {
        return Math.min(Integer.toUnsignedLong(rawSize), memorySize());
    }

    public boolean containsRva(long rva) {
        long va = Integer.toUnsignedLong(virtualAddress);
        return rva >= va && rva < va + memorySize();
    }

    public boolean isExecutable() {
        return (characteristics & (MEM_EXECUTE | CNT_CODE)) != 0;
    }

    public boolean isWritable() {
        return (characteristics & MEM_WRITE) != 0;
    }
}
