package dev.pooltags.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reading a whole text file the way every source here needs it: bytes decoded as Latin-1 (so no byte is ever
 * lost or replaced, whatever code page the file was written in), with I/O failures turned into an
 * {@link InputException} that names the file and says what to do.
 */
public final class TextFiles {
    private TextFiles() {}

    /**
     * The largest single read. {@code Files.readAllBytes} asks for the whole file at once, and the JDK then copies
     * through a temporary native buffer as large as the file that it keeps for the thread: 50 MB outside the heap
     * for a 50 MB file. Reading in slices keeps that buffer at this size.
     */
    static final int SLICE = 1 << 20;

    /** The file's bytes; missing, unreadable and directory paths become one clear {@link InputException}. */
    public static byte[] readAllBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, "is a folder, not a file");
            }
            if (!Files.isRegularFile(file)) {
                return Files.readAllBytes(file); // a pipe or a /proc file: its size says nothing
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size > Integer.MAX_VALUE - 16) {
                    throw new InputException(file, "is larger than 2 GiB");
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
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(file, "permission denied");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Latin-1 text of the file. */
    public static String readLatin1(Path file) {
        return new String(readAllBytes(file), StandardCharsets.ISO_8859_1);
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
