package dev.pooltags.lint;

import dev.pooltags.source.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a source file into one array in slices of {@link #SLICE} bytes. {@code Files.readAllBytes} asks the channel
 * for the whole file at once, and the JDK then copies through a temporary native buffer as large as the file that it
 * keeps for the thread: 50 MB outside the heap for a 50 MB file, on top of the heap the lint is bounded by.
 */
final class SourceBytes {

    /** The largest read, and so the largest temporary native buffer the JDK keeps per reading thread. */
    static final int SLICE = 1 << 20;

    private SourceBytes() {
    }

    static byte[] read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(file, "is a folder, not a file");
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
}
