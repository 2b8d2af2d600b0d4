package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a recording (docs/recording-format.md) sample by sample, streaming, so a day of samples never has to fit
 * in memory.
 *
 * <p>Damage is told apart from an interrupted write. The end of the file may hold part of one frame (the
 * recorder was killed while writing it): that <em>torn tail</em> is not read, and {@link #tornTail()} describes
 * it once the last complete sample has been returned. A frame that fails its checksum with more data after it
 * is damage inside the file: reading stops with an {@link InputException} naming the byte offset, so nothing is
 * ever misread.
 */
public final class RecordingReader implements AutoCloseable {
    /** What was cut off at the end: where the torn frame starts, how many bytes it has, and why it is torn. */
    public record TornTail(long offset, long bytes, String why) {
        public String describe(String file) {
            return file + ": torn tail at byte " + offset + " (" + bytes + " bytes, " + why
                    + "): the recorder was interrupted while writing; every sample before it was read";
        }
    }

    private final String name;
    private final InputStream in;
    private final long size;
    private long offset;
    private byte[] frame = new byte[1 << 16];
    private TornTail torn;
    private boolean done;

    // the state of the current session
    private boolean inSession;
    private String host = "";
    private String source = "";
    private long prevSecond;
    private final RecordingState st = new RecordingState();
    private int[] order = new int[0];
    private int samples;

    private RecordingReader(String name, InputStream in, long size) {
        this.name = name;
        this.in = in;
        this.size = size;
    }

    /** True when the bytes start with the recording magic. */
    public static boolean looksLike(byte[] head) {
        if (head.length < RecordingFrames.MAGIC.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(head, RecordingFrames.MAGIC.length), RecordingFrames.MAGIC);
    }

    public static RecordingReader open(Path file) {
        try {
            long size = Files.size(file);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            RecordingReader r = new RecordingReader(file.toString(), in, size);
            r.readMagic();
            return r;
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every sample of a recording, and the torn tail if there is one. */
    public record Contents(List<Snapshot> samples, Optional<TornTail> tornTail) {}

    public static Contents readAll(Path file) {
        try (RecordingReader r = open(file)) {
            List<Snapshot> out = new ArrayList<>();
            for (Optional<Snapshot> s = r.next(); s.isPresent(); s = r.next()) {
                out.add(s.get());
            }
            return new Contents(out, r.tornTail());
        }
    }

    private void readMagic() throws IOException {
        byte[] m = in.readNBytes(RecordingFrames.MAGIC.length);
        offset = m.length;
        if (m.length < RecordingFrames.MAGIC.length) {
            if (Arrays.equals(m, Arrays.copyOf(RecordingFrames.MAGIC, m.length))) {
                torn = new TornTail(0, m.length, "the file header is incomplete");
                done = true;
                return;
            }
            throw new InputException(name, 0, "not a pooltags recording (too short for its header)");
        }
        if (!Arrays.equals(m, RecordingFrames.MAGIC)) {
            throw new InputException(name, 0, "not a pooltags recording (wrong magic bytes)");
        }
    }

    /** The torn tail, once {@link #next()} has returned empty; empty when the file ends cleanly. */
    public Optional<TornTail> tornTail() {
        return Optional.ofNullable(torn);
    }

    /** Number of samples returned so far. */
    public int samplesRead() {
        return samples;
    }

    /** The next sample, or empty at the end (clean or torn). */
    public Optional<Snapshot> next() {
        try {
            while (!done) {
                long start = offset;
                long remaining = size - offset;
                if (remaining == 0) {
                    done = true;
                    break;
                }
                if (remaining < 5) {
                    tear(start, remaining, "the frame header is incomplete");
                    break;
                }
                byte[] head = in.readNBytes(5);
                if (head.length < 5) {
                    tear(start, head.length, "the frame header is incomplete");
                    break;
                }
                int len = RecordingFrames.getIntLE(head, 0);
                if (len < 0 || len > RecordingFrames.MAX_PAYLOAD || (long) len + RecordingFrames.OVERHEAD > remaining) {
                    tear(start, remaining, len < 0 || len > RecordingFrames.MAX_PAYLOAD
                            ? "the frame length is impossible" : "the frame is incomplete");
                    break;
                }
                if (frame.length < len + 5) {
                    frame = new byte[Math.max(len + 5, frame.length * 2)];
                }
                frame[0] = head[4];
                int got = in.readNBytes(frame, 1, len + 4);
                offset += 5 + got;
                if (got < len + 4) {
                    tear(start, 5L + got, "the frame is incomplete");
                    break;
                }
                int crc = RecordingFrames.getIntLE(frame, len + 1);
                if (crc != RecordingFrames.crc(frame, 0, len + 1)) {
                    if (offset == size) {
                        tear(start, offset - start, "its checksum does not match");
                        break;
                    }
                    throw new InputException(name, 0, "at byte " + start + ": damaged frame (checksum mismatch) with "
                            + (size - offset) + " more bytes after it; the samples before it can be read with a copy cut at that byte");
                }
                Snapshot s;
                try {
                    s = decode(frame[0], new RecordingFrames.Decoder(frame, 1, len));
                } catch (RecordingFrames.Malformed e) {
                    throw new InputException(name, 0, "at byte " + start + ": " + e.getMessage());
                }
                if (s != null) {
                    samples++;
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private void tear(long start, long n, String why) {
        torn = new TornTail(start, n, why);
        done = true;
    }

    private Snapshot decode(byte frameType, RecordingFrames.Decoder d) {
        if (frameType == RecordingFrames.SESSION) {
            int version = d.varint(Integer.MAX_VALUE, "version");
            if (version != RecordingFrames.VERSION) {
                throw new RecordingFrames.Malformed("recording format version " + version + " is newer than this pooltags reads ("
                        + RecordingFrames.VERSION + ")");
            }
            host = d.string();
            source = d.string();
            inSession = true;
            prevSecond = 0;
            st.reset();
            order = new int[0];
            return null;
        }
        if (frameType != RecordingFrames.SAMPLE) {
            throw new RecordingFrames.Malformed("unknown frame type " + frameType);
        }
        if (!inSession) {
            throw new RecordingFrames.Malformed("a sample before the first session frame");
        }
        d.u8(); // flags, none defined in version 1
        long second = prevSecond + d.zigzag();
        int nanos = d.varint(999_999_999, "nanoseconds");
        prevSecond = second;
        Instant time = Instant.ofEpochSecond(second, nanos);

        int n = d.varint(1 << 20, "number of changed totals");
        int id = -1;
        for (int i = 0; i < n; i++) {
            id = id + 1 + d.varint(st.totals, "total id gap");
            if (id == st.totals) {
                st.defineTotal(d.string());
            } else if (id > st.totals) {
                throw new RecordingFrames.Malformed("total id " + id + " was never defined");
            }
            st.totalValues[id] += d.zigzag();
            st.totalPresent[id] = true;
        }
        n = d.varint(1 << 20, "number of removed totals");
        id = -1;
        for (int i = 0; i < n; i++) {
            id = id + 1 + d.varint(st.totals, "total id gap");
            if (id >= st.totals) {
                throw new RecordingFrames.Malformed("removed total id " + id + " was never defined");
            }
            st.clearTotal(id);
        }

        n = d.varint(1 << 26, "number of changed rows");
        id = -1;
        boolean defined = false;
        for (int i = 0; i < n; i++) {
            id = id + 1 + d.varint(st.rows, "row id gap");
            if (id == st.rows) {
                int def = d.u8();
                PoolType type = (def & 2) != 0 ? PoolType.NONPAGED : PoolType.PAGED;
                st.defineRow((def & 1) != 0 ? new TagCounters.RowKey(null, d.string(), type)
                        : new TagCounters.RowKey(PoolTag.ofValue(d.u32()), null, type));
                defined = true;
            } else if (id > st.rows) {
                throw new RecordingFrames.Malformed("row id " + id + " was never defined");
            }
            int mask = d.u8();
            if ((mask & 1) != 0) {
                st.allocs[id] += d.zigzag();
            }
            if ((mask & 2) != 0) {
                st.frees[id] += d.zigzag();
            }
            if ((mask & 4) != 0) {
                st.bytes[id] += d.zigzag();
            }
            st.present[id] = true;
        }
        n = d.varint(1 << 26, "number of removed rows");
        id = -1;
        for (int i = 0; i < n; i++) {
            id = id + 1 + d.varint(st.rows, "row id gap");
            if (id >= st.rows) {
                throw new RecordingFrames.Malformed("removed row id " + id + " was never defined");
            }
            st.clearRow(id);
        }
        if (!d.atEnd()) {
            throw new RecordingFrames.Malformed("extra bytes at the end of a sample frame");
        }
        if (defined || order.length != st.rows) {
            TagCounters.RowKey[] keys = st.keys;
            order = java.util.stream.IntStream.range(0, st.rows).boxed().sorted((a, b) -> keys[a].compareTo(keys[b]))
                    .mapToInt(Integer::intValue).toArray();
        }
        List<TagCounters> rows = new ArrayList<>(st.rows);
        for (int r : order) {
            if (st.present[r]) {
                TagCounters.RowKey k = st.keys[r];
                rows.add(new TagCounters(k.tag(), k.name(), k.type(), st.allocs[r], st.frees[r], st.bytes[r]));
            }
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int t = 0; t < st.totals; t++) {
            if (st.totalPresent[t]) {
                totals.put(st.totalKeys[t], st.totalValues[t]);
            }
        }
        return new Snapshot(time, host, source, rows, totals);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // closing a file opened for reading loses nothing
        }
    }
}
