package dev.pooltags.dump;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a dump file, mapped in windows of at most 1 GiB (a 64 GB dump needs no 64 GB heap), read
 * little-endian. Every read is checked against the file's size; {@link #require} turns a field that lies beyond the
 * end into an input error that names the field.
 */
public final class DumpFile implements AutoCloseable {
    /** Mapping window: below 2 GiB (a ByteBuffer's limit), a multiple of the page size. */
    static final long WINDOW = 1L << 30;

    private final String name;
    private final long size;
    private final List<ByteBuffer> windows;
    private final FileChannel channel;

    private DumpFile(String name, long size, List<ByteBuffer> windows, FileChannel channel) {
        this.name = name;
        this.size = size;
        this.windows = windows;
        this.channel = channel;
    }

    /** Maps a file read-only. */
    public static DumpFile open(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputException(file, "is a folder, not a dump file");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            List<ByteBuffer> ws = new ArrayList<>();
            for (long off = 0; off < size; off += WINDOW) {
                long len = Math.min(WINDOW, size - off);
                ws.add(ch.map(FileChannel.MapMode.READ_ONLY, off, len).order(ByteOrder.LITTLE_ENDIAN));
            }
            return new DumpFile(file.toString(), size, ws, ch);
        } catch (NoSuchFileException e) {
            close(ch);
            throw new InputException(file, "no such file");
        } catch (AccessDeniedException e) {
            close(ch);
            throw new InputException(file, "cannot be read: permission denied");
        } catch (IOException e) {
            close(ch);
            throw new InputException(file, "cannot be read: " + Reasons.of(e), e);
        }
    }

    /** Bytes in memory, under a name for messages (tests, fuzzing, benchmarks). */
    public static DumpFile of(String name, byte[] bytes) {
        List<ByteBuffer> ws = new ArrayList<>();
        for (long off = 0; off < bytes.length; off += WINDOW) {
            int len = (int) Math.min(WINDOW, bytes.length - off);
            ws.add(ByteBuffer.wrap(bytes, (int) off, len).slice().order(ByteOrder.LITTLE_ENDIAN));
        }
        return new DumpFile(name, bytes.length, ws, null);
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /** The file's name as given. */
    public String name() {
        return name;
    }

    /** Bytes in the file. */
    public long size() {
        return size;
    }

    /** True when {@code length} bytes at {@code offset} are in the file. */
    public boolean has(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size && length <= size - offset;
    }

    /**
     * Checks that a field lies in the file.
     *
     * @throws InputException naming the field, its offset and the file's size
     */
    public void require(long offset, long length, String field) {
        if (!has(offset, length)) {
            throw new InputException(name, 0, String.format("%s at offset 0x%X (%,d bytes) lies beyond the end of the file (%,d bytes)",
                    field, offset, length, size));
        }
    }

    public int u8(long off) {
        check(off, 1);
        return windows.get((int) (off / WINDOW)).get((int) (off % WINDOW)) & 0xFF;
    }

    public int u16(long off) {
        return u8(off) | u8(off + 1) << 8;
    }

    public int u32(long off) {
        ByteBuffer w = window(off, 4);
        return w != null ? w.getInt((int) (off % WINDOW)) : u16(off) | u16(off + 2) << 16;
    }

    public long u32L(long off) {
        return u32(off) & 0xFFFFFFFFL;
    }

    public long u64(long off) {
        ByteBuffer w = window(off, 8);
        return w != null ? w.getLong((int) (off % WINDOW)) : u32L(off) | (long) u32(off + 4) << 32;
    }

    /** A pointer of {@code bits} (32 or 64) at {@code off}, or {@code dflt} when it lies beyond the end of the file. */
    public long ptr(long off, int bits, long dflt) {
        return bits == 64 ? (has(off, 8) ? u64(off) : dflt) : (has(off, 4) ? u32L(off) : dflt);
    }

    /**
     * The mapped window that holds all {@code n} bytes at {@code off}, or null when they straddle two windows (then
     * they are read in halves).
     */
    private ByteBuffer window(long off, int n) {
        check(off, n);
        return off % WINDOW <= WINDOW - n ? windows.get((int) (off / WINDOW)) : null;
    }

    /** Copies bytes into {@code dst}. */
    public void get(long off, byte[] dst, int dstOff, int len) {
        check(off, len);
        int done = 0;
        while (done < len) {
            long p = off + done;
            ByteBuffer b = windows.get((int) (p / WINDOW));
            int i = (int) (p % WINDOW);
            int n = Math.min(len - done, b.limit() - i);
            b.get(i, dst, dstOff + done, n);
            done += n;
        }
    }

    /** {@code len} bytes at {@code off}. */
    public byte[] bytes(long off, int len) {
        byte[] b = new byte[len];
        get(off, b, 0, len);
        return b;
    }

    /**
     * A read-only view of {@code len} bytes that lie within one mapping window (callers that scan page by page get
     * pages, which never straddle a window), or null when they straddle one.
     */
    public ByteBuffer view(long off, int len) {
        check(off, len);
        int w = (int) (off / WINDOW);
        int i = (int) (off % WINDOW);
        ByteBuffer b = windows.get(w);
        if (i + len > b.limit()) {
            return null;
        }
        return b.slice(i, len).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void check(long off, long len) {
        if (!has(off, len)) {
            throw new IndexOutOfBoundsException(String.format("0x%X+%d beyond %d", off, len, size));
        }
    }

    @Override
    public void close() {
        close(channel);
    }
}
