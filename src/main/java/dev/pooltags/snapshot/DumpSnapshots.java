package dev.pooltags.snapshot;

import dev.pooltags.dump.DumpInspection;
import dev.pooltags.dump.PoolUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A kernel crash dump as a snapshot: one row per tag and pool with the dump's confirmed, allocated blocks as the
 * outstanding count and their bytes, at the time the dump was written. A small dump's rows count only the memory
 * the crash captured; the source names the dump so reports can say so.
 */
public final class DumpSnapshots {
    private DumpSnapshots() {}

    /** True for a file that starts like a kernel dump. */
    public static boolean looksLike(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        String s = new String(head, 0, 8, StandardCharsets.ISO_8859_1);
        return s.equals("PAGEDUMP") || s.equals("PAGEDU64");
    }

    /** The dump's pool by tag; the dump's problems (a cut-short file) go to {@code warnings}. */
    static Snapshot read(Path p, Consumer<String> warnings) {
        DumpInspection in = DumpInspection.inspect(p);
        for (String problem : in.dump().problems()) {
            warnings.accept(p + ": " + problem);
        }
        return of(in, in.dump().systemTime() != null ? in.dump().systemTime() : SnapshotFormat.fileTime(p));
    }

    /** The snapshot of an inspected dump. */
    public static Snapshot of(DumpInspection in, java.time.Instant time) {
        List<TagCounters> rows = new ArrayList<>();
        for (PoolUsage u : in.usage()) {
            rows.add(TagCounters.of(u.tag(), u.type(), u.blocks(), 0, u.bytes()));
        }
        String kind = in.dump().kind().physical() ? "dump" : "small dump (captured memory only)";
        return new Snapshot(time, "", in.dump().file() + " [" + kind + "]", rows);
    }
}
