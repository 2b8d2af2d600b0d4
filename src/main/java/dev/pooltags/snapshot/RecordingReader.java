package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.BufferedInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Reads a recording (docs/recording-format.md) sample by sample, streaming, so a day of samples never has to fit
 * in memory.
 *
 * <p>Damage is told apart from an interrupted write. An interrupted write can leave only part of the last frame,
 * at the very end of the file, failing its check: that <em>torn tail</em> is not read, and {@link #tornTail()}
 * describes it once the last complete sample has been returned. Anything else is <em>damage</em> (a flipped bit,
 * an overwritten block): a frame with an impossible length, a frame whose length runs past the end while a valid
 * frame follows it, a frame that fails its checksum with data after it, or one that does not decode. Damage is
 * never misread and never ends the reading: the reader resynchronizes on the next valid frame (the next place
 * where a length, a type and a matching checksum agree) and goes on with what can be trusted:
 * <ul>
 *   <li>when only the length field was damaged (the bytes up to the next valid frame pass the frame's checksum),
 *       the frame is read whole: nothing is lost;</li>
 *   <li>otherwise the samples after it are skipped up to the next session frame, because each sample stores
 *       only what changed since the one before; writers start a session every {@link RecordingWriter#CHECKPOINT}
 *       samples, so the loss is bounded.</li>
 * </ul>
 * Each damage is listed in {@link #damage()} with its byte offset and what was skipped; the commands report it and
 * exit with status 3.
 */
public final class RecordingReader implements AutoCloseable {
    /** What was cut off at the end: where the torn frame starts, how many bytes it has, and why it is torn. */
    public record TornTail(long offset, long bytes, String why) {
        public String describe(String file) {
            return file + ": torn tail at byte " + offset + " (" + bytes + " bytes, " + why
                    + "): the recorder was interrupted while writing; every sample before it was read";
        }
    }

    /** Damage inside the file: where it starts, what is wrong, and what reading did about it. */
    public record Damage(long offset, String what) {
        public String describe(String file) {
            return file + ": at byte " + offset + ": " + what;
        }
    }

    /** How far after damage the next valid frame is searched for (a frame of a 100,000-row sample is ~1 MB). */
    static final int RESYNC_WINDOW = 64 << 20;

    private final String name;
    private final FileChannel channel;
    private InputStream in;
    private final long size;
    private long offset;
    private byte[] frame = new byte[1 << 16];
    private TornTail torn;
    private boolean done;
    private final List<Damage> damage = new ArrayList<>();
    private int reported;
    /** Damage whose effect is not yet known: samples are skipped until the next session frame. */
    private long untrustedFrom = -1;
    private String untrustedWhat;
    private int skipped;

    // the state of the current session
    private boolean inSession;
    private String host = "";
    private String source = "";
    private long prevSecond;
    private final RecordingState st = new RecordingState();
    private int[] order = new int[0];
    private int samples;

    private RecordingReader(String name, FileChannel channel, long size) {
        this.name = name;
        this.channel = channel;
        this.size = size;
        seek(0);
    }

    /** True when the bytes start with the recording magic. */
    public static boolean looksLike(byte[] head) {
        if (head.length < RecordingFrames.MAGIC.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(head, RecordingFrames.MAGIC.length), RecordingFrames.MAGIC);
    }

    public static RecordingReader open(Path file) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            RecordingReader r = new RecordingReader(file.toString(), ch, ch.size());
            r.readMagic();
            return r;
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (IOException e) {
            RecordingFrames.closeQuietly(ch);
            throw new InputException(file, "cannot be read: " + Reasons.of(e), e);
        } catch (RuntimeException e) {
            RecordingFrames.closeQuietly(ch);
            throw e;
        }
    }

    /** Every trusted sample of a recording, the torn tail if there is one, and the damage found. */
    public record Contents(List<Snapshot> samples, Optional<TornTail> tornTail, List<Damage> damage) {}

    public static Contents readAll(Path file) {
        try (RecordingReader r = open(file)) {
            List<Snapshot> out = new ArrayList<>();
            for (Optional<Snapshot> s = r.next(); s.isPresent(); s = r.next()) {
                out.add(s.get());
            }
            return new Contents(out, r.tornTail(), r.damage());
        }
    }

    private void seek(long at) {
        try {
            channel.position(at);
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot be read: " + Reasons.of(e), e);
        }
        in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        offset = at;
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

    /** The damage found so far (complete once {@link #next()} has returned empty). */
    public List<Damage> damage() {
        return List.copyOf(damage);
    }

    /** The damage found since the last call: for a reader that reports as it goes. */
    public List<Damage> newDamage() {
        List<Damage> d = List.copyOf(damage.subList(reported, damage.size()));
        reported = damage.size();
        return d;
    }

    /** Number of samples returned so far. */
    public int samplesRead() {
        return samples;
    }

    /** The next trusted sample, or empty at the end (clean, torn, or after damage nothing could be trusted). */
    public Optional<Snapshot> next() {
        try {
            while (!done) {
                if (pendingRepair != null) {
                    Snapshot s = pendingRepair;
                    pendingRepair = null;
                    return Optional.of(s);
                }
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
                byte type = head[4];
                if (len < 0 || len > RecordingFrames.MAX_PAYLOAD || type != RecordingFrames.SESSION && type != RecordingFrames.SAMPLE) {
                    // a recorder never writes these, torn or not
                    damaged(start, len < 0 || len > RecordingFrames.MAX_PAYLOAD ? "impossible frame length " + Integer.toUnsignedString(len)
                            : "unknown frame type " + type);
                    continue;
                }
                if ((long) len + RecordingFrames.OVERHEAD > remaining) {
                    pastTheEnd(start, len, remaining); // a tear ends the loop
                    continue;
                }
                if (frame.length < len + 5) {
                    frame = new byte[Math.max(len + 5, frame.length * 2)];
                }
                frame[0] = type;
                int got = in.readNBytes(frame, 1, len + 4);
                offset += 5 + got;
                if (got < len + 4) {
                    tear(start, 5L + got, "the frame is incomplete");
                    break;
                }
                int crc = RecordingFrames.getIntLE(frame, len + 1);
                if (crc != RecordingFrames.crc(frame, 0, len + 1)) {
                    // a whole frame that fails its checksum is damage even at the end: an interrupted write leaves
                    // less than a frame, never a wrong one
                    damaged(start, "damaged frame (checksum mismatch)");
                    continue;
                }
                Snapshot s = accept(start, type, len);
                if (s != null) {
                    return Optional.of(s);
                }
            }
            if (pendingRepair != null) {
                Snapshot s = pendingRepair;
                pendingRepair = null;
                return Optional.of(s);
            }
            endUntrusted(-1);
            return Optional.empty();
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot be read: " + Reasons.of(e), e);
        }
    }

    /**
     * A frame whose length runs past the end of the file: an interrupted write (a tear), or a damaged length field.
     * Only damage has a whole frame after it, or a last frame whose checksum holds with the length the file leaves it.
     */
    private void pastTheEnd(long start, int len, long remaining) throws IOException {
        long next = nextFrame(start + 1);
        if (next < 0 && repairLength(start, size)) {
            damage.add(new Damage(start, "the frame length " + len + " runs past the end of the file; only the"
                    + " length field was damaged: the checksum confirms the last frame, so it was read whole"));
            return;
        }
        if (next < 0) {
            tear(start, remaining, "the frame is incomplete");
            return;
        }
        damaged(start, "the frame length " + len + " runs past the end of the file, but a valid frame follows at byte "
                + next);
    }

    /** A frame that passed its checksum (in {@code frame}): decoded, or skipped while after damage. */
    private Snapshot accept(long start, byte type, int len) {
        if (untrustedFrom >= 0) {
            if (type != RecordingFrames.SESSION) {
                skipped += type == RecordingFrames.SAMPLE ? 1 : 0;
                return null;
            }
            endUntrusted(start);
        }
        try {
            Snapshot s = decode(type, new RecordingFrames.Decoder(frame, 1, len));
            if (s != null) {
                samples++;
            }
            return s;
        } catch (RecordingFrames.Malformed e) {
            // the checksum is right, so the frame boundaries are: go on after it, without trusting the state
            untrusted(start, "a frame that does not decode (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * Damage at {@code start}: resynchronize on the next valid frame. If the bytes up to it are exactly one frame
     * whose checksum holds (only the length was damaged), that frame is read; else the samples up to the next
     * session frame are skipped.
     */
    private void damaged(long start, String what) throws IOException {
        long next = nextFrame(start + 1);
        if (next >= 0 && repairLength(start, next)) {
            damage.add(new Damage(start, what + "; only the length field was damaged: the checksum confirms the frame"
                    + " up to the next one at byte " + next + ", so it was read whole"));
            return;
        }
        if (next < 0 && repairLength(start, size)) {
            damage.add(new Damage(start, what + "; only the length field was damaged: the checksum confirms the last"
                    + " frame, so it was read whole"));
            return;
        }
        untrusted(start, what);
        if (next < 0) {
            long searched = Math.min(size - start - 1, RESYNC_WINDOW);
            endUntrusted(-1, start + 1 + searched < size ? "no valid frame within " + (RESYNC_WINDOW >> 20)
                    + " MiB after it: the rest of the file (" + (size - start) + " bytes) is not read"
                    : "no valid frame after it: the rest of the file (" + (size - start) + " bytes) is not read");
            done = true;
            return;
        }
        seek(next);
    }

    private void untrusted(long start, String what) {
        if (untrustedFrom < 0) {
            untrustedFrom = start;
            untrustedWhat = what;
            skipped = 0;
        }
    }

    /** Trust is back at a session frame at {@code at} (or the file ended, at -1): record what the damage cost. */
    private void endUntrusted(long at) {
        if (untrustedFrom < 0) {
            return;
        }
        endUntrusted(at, at >= 0
                ? "skipped " + skipped + (skipped == 1 ? " sample" : " samples") + " after it (each stores only what changed"
                        + " since the one before) up to the next session frame at byte " + at
                : skipped == 0 ? "nothing after it could be trusted"
                : "skipped the " + skipped + (skipped == 1 ? " sample" : " samples")
                        + " after it (each stores only what changed since the one before): no session frame followed");
    }

    private void endUntrusted(long at, String outcome) {
        if (untrustedFrom < 0) {
            return;
        }
        damage.add(new Damage(untrustedFrom, untrustedWhat + "; " + outcome));
        untrustedFrom = -1;
    }

    /**
     * Where the next valid frame starts at or after {@code from} (a known type, a possible length, the frame inside
     * the file and its checksum matching), searching at most {@link #RESYNC_WINDOW} bytes; -1 when there is none.
     */
    private long nextFrame(long from) throws IOException {
        long end = Math.min(size, from + RESYNC_WINDOW);
        if (end - from < RecordingFrames.OVERHEAD) {
            return -1;
        }
        byte[] w = window(from, (int) (end - from));
        long budget = 4L * w.length + (1 << 20); // checksum work: a crafted file must not make this quadratic
        for (int i = 0; i + RecordingFrames.OVERHEAD <= w.length && budget > 0; i++) {
            byte type = w[i + 4];
            if (type != RecordingFrames.SESSION && type != RecordingFrames.SAMPLE) {
                continue;
            }
            int len = RecordingFrames.getIntLE(w, i);
            if (len < 0 || (long) i + len + RecordingFrames.OVERHEAD > w.length) {
                continue;
            }
            budget -= len + 1;
            if (RecordingFrames.getIntLE(w, i + 5 + len) == RecordingFrames.crc(w, i + 4, len + 1)) {
                return from + i;
            }
        }
        return -1;
    }

    /** True when {@code [start, next)} is one frame whose checksum holds when its length is {@code next - start - 9}. */
    private boolean repairLength(long start, long next) throws IOException {
        long n = next - start;
        if (n < RecordingFrames.OVERHEAD || n > RecordingFrames.MAX_PAYLOAD) {
            return false;
        }
        byte[] w = window(start, (int) n);
        byte type = w[4];
        if (type != RecordingFrames.SESSION && type != RecordingFrames.SAMPLE) {
            return false;
        }
        int len = (int) n - RecordingFrames.OVERHEAD;
        if (RecordingFrames.getIntLE(w, 5 + len) != RecordingFrames.crc(w, 4, len + 1)) {
            return false;
        }
        if (frame.length < len + 5) {
            frame = new byte[len + 5];
        }
        System.arraycopy(w, 4, frame, 0, len + 5);
        seek(next);
        pendingRepair = accept(start, type, len);
        return true;
    }

    /** A sample read whole after a length repair, handed out by the next call of {@link #next()}. */
    private Snapshot pendingRepair;

    private byte[] window(long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private void tear(long start, long n, String why) {
        torn = new TornTail(start, n, why);
        done = true;
    }

    private Snapshot decode(byte frameType, RecordingFrames.Decoder d) {
        if (frameType == RecordingFrames.SESSION) {
            startSession(d);
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
        applyTotals(d);
        boolean defined = applyRows(d);
        if (!d.atEnd()) {
            throw new RecordingFrames.Malformed("extra bytes at the end of a sample frame");
        }
        return snapshot(time, defined);
    }

    /** A session frame: the format version, host and source; the tables of rows and totals start afresh. */
    private void startSession(RecordingFrames.Decoder d) {
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
    }

    /** A sample's changed totals (a new id defines its name) and removed totals. */
    private void applyTotals(RecordingFrames.Decoder d) {
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
        removed(d, 1 << 20, st.totals, "total", st::clearTotal);
    }

    /** A sample's changed rows (a new id defines its key) and removed rows; returns whether a row was defined. */
    private boolean applyRows(RecordingFrames.Decoder d) {
        int n = d.varint(1 << 26, "number of changed rows");
        int id = -1;
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
        removed(d, 1 << 26, st.rows, "row", st::clearRow);
        return defined;
    }

    /**
     * The ids a sample removes (rows or totals: their count up to {@code most}, then each as the gap after the one
     * before), each of {@code defined} ids so far, cleared by {@code clear}.
     */
    private static void removed(RecordingFrames.Decoder d, int most, int defined, String what, IntConsumer clear) {
        int n = d.varint(most, "number of removed " + what + "s");
        int id = -1;
        for (int i = 0; i < n; i++) {
            id = id + 1 + d.varint(defined, what + " id gap");
            if (id >= defined) {
                throw new RecordingFrames.Malformed("removed " + what + " id " + id + " was never defined");
            }
            clear.accept(id);
        }
    }

    /** The snapshot the tables now hold: present rows in key order (re-sorted when keys were added), present totals. */
    private Snapshot snapshot(Instant time, boolean defined) {
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
            channel.close();
        } catch (IOException e) {
            // closing a file opened for reading loses nothing
        }
    }
}
