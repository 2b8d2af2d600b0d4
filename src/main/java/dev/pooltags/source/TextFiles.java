package dev.pooltags.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reading a whole text file the way every source here needs it: bytes decoded as Latin-1 (so no byte is ever
 * lost or replaced, whatever code page the file was written in), with I/O failures turned into an
 * {@link InputException} that names the file and says what to do.
 */
public final class TextFiles {
    /**
     * How large a file of some kind may be before it is refused: every whole-file read has one, checked against the
     * file's size before a byte is read (so a 1 GiB sparse file costs no memory to refuse), and the message says
     * what it is.
     *
     * @param bytes the most read
     * @param what  what such a file is, for the message ("a tag file (Pooltag.txt is about 0.3 MiB)")
     */
    public record Limit(long bytes, String what) {}

    /** Any text file read whole: the most a Java array holds comfortably. */
    public static final Limit TEXT = new Limit(1L << 30, "a text file read whole");
    /** Pooltag.txt and local tag files. */
    public static final Limit TAG_FILE = new Limit(64L << 20, "a tag file (Pooltag.txt is about 0.3 MiB)");
    /** A C/C++ source or header file for lint. */
    public static final Limit SOURCE = new Limit(256L << 20, "a C/C++ source file");
    /** Small configuration files: a web configuration (a few hundred bytes), a PEM certificate chain or key, a scenario. */
    public static final Limit CONFIG = new Limit(1L << 20, "a configuration file");

    private TextFiles() {}

    /**
     * The largest single read. {@code Files.readAllBytes} asks for the whole file at once, and the JDK then copies
     * through a temporary native buffer as large as the file that it keeps for the thread: 50 MB outside the heap
     * for a 50 MB file. Reading in slices keeps that buffer at this size.
     */
    static final int SLICE = 1 << 20;

    /** The file's bytes, up to {@link #TEXT}; missing, unreadable and directory paths become one clear {@link InputException}. */
    public static byte[] readAllBytes(Path file) {
        return readAllBytes(file, TEXT);
    }

    /** The file's bytes, refused with a message naming {@code limit} when the file is larger. */
    public static byte[] readAllBytes(Path file, Limit limit) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, "is a folder, not a file");
            }
            if (!Files.isRegularFile(file)) {
                // a pipe or a /proc file: its size says nothing; read up to the limit and one byte more
                byte[] b;
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    b = in.readNBytes((int) limit.bytes() + 1);
                }
                if (b.length > limit.bytes()) {
                    throw tooLarge(file, b.length, limit);
                }
                return b;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size > limit.bytes()) {
                    throw tooLarge(file, size, limit);
                }
                byte[] out = new byte[(int) size];
                int n = 0;
                while (n < out.length) {
                    int r = ch.read(ByteBuffer.wrap(out, n, Math.min(SLICE, out.length - n)));
                    if (r < 0) {
                        break; // shorter than it was a moment ago
                    }
                    n += r;
                }
                return n == out.length ? out : Arrays.copyOf(out, n);
            }
        } catch (IOException e) {
            throw InputException.unreadable(file, e);
        }
    }

    /** Refuses a file larger than {@code limit} with the message that names it, before a byte is read. */
    public static void checkSize(Path file, Limit limit) {
        try {
            long size = Files.size(file);
            if (size > limit.bytes()) {
                throw tooLarge(file, size, limit);
            }
        } catch (IOException e) {
            // a missing or unreadable file is reported by whoever reads it
        }
    }

    private static InputException tooLarge(Path file, long size, Limit limit) {
        return new InputException(file, "is " + human(size) + ", more than " + human(limit.bytes()) + ", the most pooltags"
                + " reads as " + limit.what());
    }

    /** A size for messages: 2.0 GiB, 64 MiB, 512 bytes. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(java.util.Locale.ROOT, "%.0f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " bytes";
    }

    /** Latin-1 text of the file. */
    public static String readLatin1(Path file) {
        return new String(readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /** Latin-1 text of the file, up to {@code limit}. */
    public static String readLatin1(Path file, Limit limit) {
        return new String(readAllBytes(file, limit), StandardCharsets.ISO_8859_1);
    }

    /**
     * True when the bytes look like a binary file rather than text: a NUL byte in the first 8 KiB.
     * Text tools treat such a file as binary too (grep, git).
     */
    public static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
