package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.Section;
import java.nio.ByteBuffer;

/**
 * The file-backed bytes of one executable section, addressed by RVA. Reads outside them return -1, so a
 * decoder running off the end of a truncated section stops instead of failing.
 */
final class Code {
    final Section section;
    final int start;
    final int end;
    private final ByteBuffer bytes;
    private final int fileOffset;

    Code(PeImage image, Section s) {
        this.section = s;
        this.bytes = image.bytes();
        this.start = s.virtualAddress();
        long backed = s.fileBackedSize();
        long fileEnd = Math.min((long) s.rawOffset() + backed, bytes.limit());
        long len = Math.max(0, fileEnd - Integer.toUnsignedLong(s.rawOffset()));
        this.end = (int) Math.min((long) start + len, Integer.MAX_VALUE);
        this.fileOffset = s.rawOffset();
    }

    boolean contains(long rva) {
        return rva >= start && rva < end;
    }

    /** The byte at the RVA, or -1 outside the section's file data. */
    int u8(long rva) {
        if (rva < start || rva >= end) {
            return -1;
        }
        return bytes.get((int) (fileOffset + (rva - start))) & 0xFF;
    }

    /** The little-endian 32-bit word at the RVA; the caller checks {@link #contains} for all four bytes. */
    int s32(long rva) {
        return bytes.getInt((int) (fileOffset + (rva - start)));
    }

    /** True when the four bytes at the RVA are inside the section's data. */
    boolean has4(long rva) {
        return rva >= start && rva + 4 <= end;
    }

    /** File offset of the RVA (for the scanning loops that read the buffer directly). */
    int offset(int rva) {
        return fileOffset + (rva - start);
    }

    ByteBuffer buffer() {
        return bytes;
    }
}
