package dev.pooltags.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The byte level of the recording format (docs/recording-format.md): the file magic, frame layout, checksums and
 * the variable-length integers inside frames. {@link Encoder} builds one frame; {@link Decoder} reads a payload.
 */
final class RecordingFrames {
    /** File magic: a high byte (catches 7-bit transfers), the name, CR LF (catches newline conversion). */
    static final byte[] MAGIC = {(byte) 0x89, 'P', 'T', 'R', 'E', 'C', '\r', '\n'};
    static final int VERSION = 1;
    static final byte SESSION = 1;
    static final byte SAMPLE = 2;
    /** length (4) + type (1) before the payload, CRC (4) after it. */
    static final int OVERHEAD = 9;
    /** No frame is this large; a length above it is damage, not data. */
    static final int MAX_PAYLOAD = 1 << 28;

    private RecordingFrames() {}

    /** Closes a recording's channel after a failure: the first error is the one to report. */
    static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    static int crc(byte[] buf, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(buf, off, len);
        return (int) c.getValue();
    }

    static int getIntLE(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /** Builds one frame: {@code [u32 length][u8 type][payload][u32 CRC32C of type and payload]}, little-endian. */
    static final class Encoder {
        private byte[] buf = new byte[1 << 16];
        private int pos;

        void begin(byte type) {
            pos = 4;
            buf[pos++] = type;
        }

        /** Finishes the frame and returns its length in {@link #bytes()}. */
        int finish() {
            int payload = pos - 5;
            putIntAt(0, payload);
            int crc = crc(buf, 4, pos - 4);
            ensure(4);
            putIntAt(pos, crc);
            pos += 4;
            return pos;
        }

        byte[] bytes() {
            return buf;
        }

        private void putIntAt(int at, int v) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
            buf[at + 2] = (byte) (v >>> 16);
            buf[at + 3] = (byte) (v >>> 24);
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void u8(int v) {
            ensure(1);
            buf[pos++] = (byte) v;
        }

        void u32(int v) {
            ensure(4);
            putIntAt(pos, v);
            pos += 4;
        }

        /** Unsigned LEB128. */
        void varlong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        /** Signed, zigzag then LEB128: small magnitudes of either sign take one byte. */
        void zigzag(long v) {
            varlong((v << 1) ^ (v >> 63));
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varlong(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }
    }

    /** Reads a payload; running past its end is a {@link Malformed}. */
    static final class Decoder {
        private final byte[] buf;
        private int pos;
        private final int end;

        Decoder(byte[] buf, int off, int len) {
            this.buf = buf;
            this.pos = off;
            this.end = off + len;
        }

        boolean atEnd() {
            return pos == end;
        }

        int u8() {
            need(1);
            return buf[pos++] & 0xFF;
        }

        int u32() {
            need(4);
            int v = getIntLE(buf, pos);
            pos += 4;
            return v;
        }

        long varlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new Malformed("a variable-length number is longer than 10 bytes");
        }

        int varint(int max, String what) {
            long v = varlong();
            if (v < 0 || v > max) {
                throw new Malformed(what + " " + v + " is out of range (at most " + max + ")");
            }
            return (int) v;
        }

        long zigzag() {
            long v = varlong();
            return (v >>> 1) ^ -(v & 1);
        }

        String string() {
            int n = varint(end - pos, "string length");
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private void need(int n) {
            if (pos + n > end) {
                throw new Malformed("the frame ends in the middle of a value");
            }
        }
    }

    /** A frame whose checksum is right but whose content does not decode: a bug or a foreign file. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }
}
