package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.tag.PoolType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Writes a recording (docs/recording-format.md): appends one frame per sample holding only what changed since
 * the previous sample.
 *
 * <p>Surviving {@code kill -9}: every frame goes to the file in one {@code write} call once it is complete, and
 * nothing is buffered in this process between samples, so a killed recorder loses at most the frame it was
 * writing; the reader detects that torn tail by length and checksum. Opening an existing recording appends to
 * it: the file is checked frame by frame, a torn tail is cut off (and reported in {@link #openingNote()}), and a
 * new session frame starts, so the new samples do not depend on state from before the restart. A file with damage
 * inside is never appended to (nor cut): the append is refused, naming the command that copies what can be read.
 * A lock keeps a second recorder out of the same file.
 *
 * <p>Every {@link #CHECKPOINT} samples a new session frame starts (the next sample then stores every row), so
 * damage inside a long recording costs at most that many samples: the reader resynchronizes on the next session.
 */
public final class RecordingWriter implements AutoCloseable {
    /**
     * Samples per session: a checkpoint a damaged recording can be read again from. Each costs one sample that
     * stores every row: an hour of 1-second samples of 3,000 tags with 5% changing grows by about 2.5%
     * ({@code pooltags bench snapshot}); every 600 samples it was 15%.
     */
    public static final int CHECKPOINT = 3600;

    private final String file;
    // the file's lock is held by the channel: closing it releases the lock
    private final WritableByteChannel channel;
    private final boolean sync;
    private final String openingNote;
    private final RecordingFrames.Encoder enc = new RecordingFrames.Encoder();
    private long size;
    private long samples;

    // state of the current session
    private boolean inSession;
    private int sessionSamples;
    private String host;
    private String source;
    private long prevSecond;
    private final RecordingState st = new RecordingState();
    private final Map<TagCounters.RowKey, Integer> rowIds = new HashMap<>();
    private int[] seen = new int[1024];
    private TagCounters[] current = new TagCounters[1024];
    private int stamp;
    private int definedRows;
    private TagCounters[] prevRows = new TagCounters[0];
    private int[] prevIds = new int[0];
    private int[] changed = new int[1024];
    private final Map<String, Integer> totalIds = new HashMap<>();
    private int definedTotals;

    private RecordingWriter(String file, WritableByteChannel channel, boolean sync, long size, String note) {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
        this.size = size;
        this.openingNote = note;
    }

    /**
     * Opens {@code file} for recording: creates it, or appends to the recording already there.
     *
     * @param sync also force each sample to the disk (survives power loss, not only a killed process)
     */
    public static RecordingWriter open(Path file, boolean sync) {
        FileChannel ch = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new InputException(file, "cannot write: the folder " + dir + " does not exist");
            }
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new InputException(file, "another process is recording into this file");
            }
            long existing = ch.size();
            String note;
            if (existing == 0) {
                ch.write(ByteBuffer.wrap(RecordingFrames.MAGIC));
                note = "new recording " + file;
                existing = RecordingFrames.MAGIC.length;
            } else {
                Scan scan = scan(file, ch, existing);
                note = "appending to " + file + " (" + scan.samples + " samples)";
                if (scan.torn != null) {
                    ch.truncate(scan.validEnd);
                    note += "; cut off a torn tail of " + scan.torn.bytes() + " bytes at byte " + scan.torn.offset()
                            + " (" + scan.torn.why() + ")";
                    if (scan.validEnd == 0) {
                        ch.write(ByteBuffer.wrap(RecordingFrames.MAGIC), 0);
                        scan = new Scan(RecordingFrames.MAGIC.length, 0, scan.torn);
                    }
                }
                existing = scan.validEnd;
                ch.position(existing);
            }
            return new RecordingWriter(file.toString(), ch, sync, existing, note);
        } catch (IOException e) {
            RecordingFrames.closeQuietly(ch);
            throw new InputException(file, "cannot write: " + Reasons.of(e), e);
        } catch (RuntimeException e) {
            RecordingFrames.closeQuietly(ch);
            throw e;
        }
    }

    /**
     * A new recording written into a stream (a fifo, a device, standard output): nothing is read back, so nothing
     * is appended to; {@code name} names it in messages.
     */
    public static RecordingWriter stream(String name, WritableByteChannel ch) {
        RecordingWriter w = new RecordingWriter(name, ch, false, 0, "new recording into " + name);
        w.writeFully(ByteBuffer.wrap(RecordingFrames.MAGIC));
        w.size = RecordingFrames.MAGIC.length;
        return w;
    }

    private record Scan(long validEnd, long samples, RecordingReader.TornTail torn) {}

    /**
     * Checks an existing file before appending: where its complete frames end, and whether a tail is torn. Damage
     * refuses the append: cutting or appending after it would bury it.
     */
    private static Scan scan(Path file, FileChannel ch, long size) {
        List<RecordingReader.Damage> damage;
        Scan scan;
        try (RecordingReader r = RecordingReader.open(file)) {
            while (r.next().isPresent()) {
                // decoding every sample also proves the file is a recording we can continue
            }
            Optional<RecordingReader.TornTail> t = r.tornTail();
            damage = r.damage();
            scan = new Scan(t.map(RecordingReader.TornTail::offset).orElse(size), r.samplesRead(), t.orElse(null));
        } catch (InputException e) {
            throw new InputException(file.toString(), 0, "not appending: " + e.problem());
        }
        if (!damage.isEmpty()) {
            RecordingReader.Damage d = damage.get(0);
            throw new InputException(file.toString(), 0, "not appending: at byte " + d.offset() + ": " + d.what()
                    + (damage.size() > 1 ? " (and " + (damage.size() - 1) + " more damaged places)" : "")
                    + "; the file is left as it is. Copy what can be read into a new recording with 'pooltags convert "
                    + file + " --format rec -o NEW.rec' and record into that");
        }
        return scan;
    }

    /** What opening did: created the file, or appended (and cut a torn tail). */
    public String openingNote() {
        return openingNote;
    }

    /** Bytes in the file. */
    public long size() {
        return size;
    }

    /** Samples written since opening. */
    public long samples() {
        return samples;
    }

    /** Appends one sample. */
    public void write(Snapshot s) {
        if (!inSession || !s.host().equals(host) || !s.source().equals(source) || sessionSamples >= CHECKPOINT) {
            startSession(s.host(), s.source());
        }
        sessionSamples++;
        enc.begin(RecordingFrames.SAMPLE);
        enc.u8(0);
        long sec = s.time().getEpochSecond();
        enc.zigzag(sec - prevSecond);
        enc.varlong(s.time().getNano());
        prevSecond = sec;
        encodeTotals(s.totals());
        encodeRows(s.rows());
        flushFrame();
        samples++;
    }

    private void startSession(String h, String src) {
        host = h;
        source = src;
        inSession = true;
        sessionSamples = 0;
        prevSecond = 0;
        rowIds.clear();
        totalIds.clear();
        st.reset();
        definedRows = 0;
        definedTotals = 0;
        prevRows = new TagCounters[0];
        prevIds = new int[0];
        enc.begin(RecordingFrames.SESSION);
        enc.varlong(RecordingFrames.VERSION);
        enc.string(h);
        enc.string(src);
        flushFrame();
    }

    private void encodeTotals(Map<String, Long> totals) {
        int[] ids = new int[totals.size()];
        long[] vals = new long[totals.size()];
        int n = 0;
        boolean[] keep = new boolean[st.totals + totals.size()];
        for (Map.Entry<String, Long> e : totals.entrySet()) {
            Integer id = totalIds.get(e.getKey());
            if (id == null) {
                id = st.defineTotal(e.getKey());
                totalIds.put(e.getKey(), id);
            }
            keep[id] = true;
            if (!st.totalPresent[id] || st.totalValues[id] != e.getValue()) {
                ids[n] = id;
                vals[n++] = e.getValue();
            }
        }
        sortPairs(ids, vals, n);
        encodeIds(ids, n, i -> {
            int id = ids[i];
            if (id >= definedTotals) {
                enc.string(st.totalKeys[id]);
                definedTotals = id + 1;
            }
            enc.zigzag(vals[i] - st.totalValues[id]);
            st.totalValues[id] = vals[i];
            st.totalPresent[id] = true;
        });
        int[] removed = new int[definedTotals];
        int nRemoved = 0;
        for (int id = 0; id < definedTotals; id++) {
            if (st.totalPresent[id] && !keep[id]) {
                removed[nRemoved++] = id;
            }
        }
        encodeIds(removed, nRemoved, i -> st.clearTotal(removed[i]));
    }

    /**
     * Writes the first {@code n} of {@code ids}, rising, as their count and then each as the gap after the one before
     * (how a frame names rows and totals); {@code each} writes or does what follows the i-th.
     */
    private void encodeIds(int[] ids, int n, IntConsumer each) {
        enc.varlong(n);
        int prev = -1;
        for (int i = 0; i < n; i++) {
            enc.varlong(ids[i] - prev - 1);
            each.accept(i);
            prev = ids[i];
        }
    }

    private static void sortPairs(int[] ids, long[] vals, int n) {
        for (int i = 1; i < n; i++) { // insertion sort: a handful of totals
            int id = ids[i];
            long v = vals[i];
            int j = i - 1;
            while (j >= 0 && ids[j] > id) {
                ids[j + 1] = ids[j];
                vals[j + 1] = vals[j];
                j--;
            }
            ids[j + 1] = id;
            vals[j + 1] = v;
        }
    }

    private void encodeRows(List<TagCounters> rows) {
        stamp++;
        int count = rows.size();
        int[] ids = new int[count];
        int nChanged = 0;
        if (changed.length < count) {
            changed = new int[count];
        }
        for (int i = 0; i < count; i++) {
            TagCounters r = rows.get(i);
            int id;
            if (i < prevRows.length && sameKey(prevRows[i], r)) {
                id = prevIds[i]; // the usual case: the same rows in the same order as last time, no hashing
            } else {
                id = rowId(r.key());
            }
            if (seen[id] == stamp) {
                throw new IllegalArgumentException("two rows for " + r.label() + " " + r.type().poolmonName() + " in one sample");
            }
            seen[id] = stamp;
            current[id] = r;
            ids[i] = id;
            if (!st.present[id] || st.allocs[id] != r.allocs() || st.frees[id] != r.frees() || st.bytes[id] != r.bytes()) {
                changed[nChanged++] = id;
            }
        }
        Arrays.sort(changed, 0, nChanged);
        encodeIds(changed, nChanged, i -> encodeChangedRow(changed[i], current[changed[i]]));
        encodeRemovedRows();
        prevRows = rows.toArray(new TagCounters[0]);
        prevIds = ids;
    }

    /** The id of a row key, defined (and the per-id arrays grown) when it is new. */
    private int rowId(TagCounters.RowKey k) {
        Integer known = rowIds.get(k);
        if (known == null) {
            known = st.defineRow(k);
            rowIds.put(k, known);
            if (st.rows > seen.length) {
                seen = Arrays.copyOf(seen, st.keys.length);
                current = Arrays.copyOf(current, st.keys.length);
            }
        }
        return known;
    }

    /** A changed row after its id gap: its key when first written, then the counters that changed, as deltas. */
    private void encodeChangedRow(int id, TagCounters r) {
        if (id >= definedRows) {
            TagCounters.RowKey k = st.keys[id];
            int def = (k.name() != null ? 1 : 0) | (k.type() == PoolType.NONPAGED ? 2 : 0);
            enc.u8(def);
            if (k.name() != null) {
                enc.string(k.name());
            } else {
                enc.u32(k.tag().value());
            }
            definedRows = id + 1;
        }
        long da = r.allocs() - st.allocs[id];
        long df = r.frees() - st.frees[id];
        long db = r.bytes() - st.bytes[id];
        enc.u8((da != 0 ? 1 : 0) | (df != 0 ? 2 : 0) | (db != 0 ? 4 : 0));
        if (da != 0) {
            enc.zigzag(da);
        }
        if (df != 0) {
            enc.zigzag(df);
        }
        if (db != 0) {
            enc.zigzag(db);
        }
        st.allocs[id] = r.allocs();
        st.frees[id] = r.frees();
        st.bytes[id] = r.bytes();
        st.present[id] = true;
    }

    /** The rows of the previous sample missing from this one, by id gaps; they are cleared. */
    private void encodeRemovedRows() {
        int removed = 0;
        for (int id : prevIds) {
            if (seen[id] != stamp) {
                changed[removed++] = id;
            }
        }
        Arrays.sort(changed, 0, removed);
        encodeIds(changed, removed, i -> st.clearRow(changed[i]));
    }

    private static boolean sameKey(TagCounters a, TagCounters b) {
        if (a.type() != b.type()) {
            return false;
        }
        return a.tag() != null ? a.tag().equals(b.tag()) : b.tag() == null && a.name().equals(b.name());
    }

    private void flushFrame() {
        int len = enc.finish();
        writeFully(ByteBuffer.wrap(enc.bytes(), 0, len));
        size += len;
    }

    private void writeFully(ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
            if (sync && channel instanceof FileChannel fc) {
                fc.force(false);
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot write: " + Reasons.of(e), e);
        }
    }

    /** Forces everything written so far to the disk (before a finished file is renamed into place). */
    public void force() {
        try {
            if (channel instanceof FileChannel fc) {
                fc.force(true);
            }
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot write: " + Reasons.of(e), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot close: " + Reasons.of(e), e);
        }
    }
}
