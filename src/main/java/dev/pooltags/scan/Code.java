package dev.pooltags.scan;

import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.PeReader;
import dev.pooltags.pe.Section;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The file-backed bytes of one executable section, addressed by RVA, copied once into an array (a copy costs
 * less than one pass of the scans over a buffer, and every decoder reads these bytes many times). Reads outside
 * them return -1, so a decoder running off the end of a truncated section stops instead of failing.
 */
final class Code {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    final Section section;
    final int start;
    final int end;
    /** The section's file bytes: {@code data[i]} is the byte at RVA {@code start + i}. */
    final byte[] data;

    Code(PeImage image, Section s) {
        this.section = s;
        java.nio.ByteBuffer bytes = image.bytes();
        // all in 64 bits: the header fields are unsigned 32-bit values, and the reader keeps every section below
        // PeReader.MAX_IMAGE_SIZE, so start + len (and an RVA plus a short displacement) also fits an int
        long va = Integer.toUnsignedLong(s.virtualAddress());
        long rawOffset = Integer.toUnsignedLong(s.rawOffset());
        long fileEnd = Math.min(rawOffset + s.fileBackedSize(), bytes.limit());
        long len = Math.max(0, Math.min(fileEnd - rawOffset, PeReader.MAX_IMAGE_SIZE - va));
        if (va > PeReader.MAX_IMAGE_SIZE) {
            va = 0;
            len = 0;
        }
        this.start = (int) va;
        this.end = (int) (va + len);
        this.data = new byte[(int) len];
        if (len > 0) {
            bytes.get((int) rawOffset, data);
        }
    }

    /** The little-endian 32-bit word at index {@code i} of {@code data} (the caller keeps {@code i + 4 <= length}). */
    static int i32(byte[] data, int i) {
        return (int) INT.get(data, i);
    }

    boolean contains(long rva) {
        return rva >= start && rva < end;
    }

    /** The byte at the RVA, or -1 outside the section's file data. */
    int u8(long rva) {
        if (rva < start || rva >= end) {
            return -1;
        }
        return data[(int) (rva - start)] & 0xFF;
    }

    /** The little-endian 32-bit word at the RVA; the caller checks {@link #has4} first. */
    int s32(long rva) {
        return i32(data, (int) (rva - start));
    }

    /** True when the four bytes at the RVA are inside the section's data. */
    boolean has4(long rva) {
        return rva >= start && rva + 4 <= end;
    }
}
