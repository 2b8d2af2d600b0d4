package dev.pooltags.snapshot;

import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Linux's {@code /proc/slabinfo} (version 2.1) and {@code /proc/meminfo}, mapped onto the pool model.
 *
 * <pre>slabinfo - version: 2.1
 * # name            &lt;active_objs&gt; &lt;num_objs&gt; &lt;objsize&gt; &lt;objperslab&gt; &lt;pagesperslab&gt; : tunables ... : slabdata &lt;active_slabs&gt; &lt;num_slabs&gt; &lt;sharedavail&gt;
 * dentry             25349  25662    192   21    1 : tunables    0    0    0 : slabdata   1222   1222      0</pre>
 *
 * <p>What maps: one row per cache, keyed by the cache's name, in nonpaged pool (slab memory is never paged out,
 * like nonpaged pool). {@code active_objs} is the outstanding count (PoolMon's Diff). Bytes is
 * {@code active_objs * objsize}: the bytes held by live objects, so that Per Alloc is the object size, as it is
 * the average allocation size in PoolMon. The memory the cache holds including free slots and slab slack
 * ({@code num_slabs * pagesperslab} pages) is larger; its sum over all caches is /proc/meminfo's {@code Slab}, kept
 * in the totals as {@code slab}.
 *
 * <p>What does not map: slabinfo has no allocation or free counters. A row of one sample reads allocs =
 * active_objs, frees = 0; a live source or a series turns them into monotonic lower bounds through
 * {@link CounterSynthesis}. With SLUB, objects in per-CPU slabs count as active, so active_objs overstates what
 * is in use by up to a slab per CPU and cache.
 */
public final class SlabInfo {
    /** One cache line. */
    public record Cache(String name, long activeObjs, long numObjs, long objSize, long objPerSlab, long pagesPerSlab,
            long activeSlabs, long numSlabs) {
        /** The row: allocs = active objects (outstanding), frees = 0, bytes = active_objs * objsize. */
        public TagCounters row() {
            return TagCounters.named(name, PoolType.NONPAGED, activeObjs, 0, activeObjs * objSize);
        }
    }

    private SlabInfo() {}

    public static boolean looksLike(String firstLine) {
        return firstLine.startsWith("slabinfo - version:");
    }

    /** The caches of a slabinfo text. */
    public static List<Cache> parse(String name, String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !looksLike(lines[0])) {
            throw new InputException(name, 1, "not /proc/slabinfo: the first line must be 'slabinfo - version: 2.1'");
        }
        String version = lines[0].substring("slabinfo - version:".length()).trim();
        if (!version.startsWith("2.")) {
            throw new InputException(name, 1, "slabinfo version " + version + " is not supported (2.1 is)");
        }
        List<Cache> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            // name + 5 numbers, ':', 'tunables', 3 numbers, ':', 'slabdata', 3 numbers = 16 fields
            if (f.length < 16 || !f[6].equals(":") || !f[11].equals(":") || !f[12].equals("slabdata")) {
                throw new InputException(name, i + 1, "not a slabinfo 2.1 line (name active_objs num_objs objsize objperslab "
                        + "pagesperslab : tunables ... : slabdata ...): '" + line + "'");
            }
            try {
                out.add(new Cache(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                        Long.parseLong(f[5]), Long.parseLong(f[13]), Long.parseLong(f[14])));
            } catch (NumberFormatException e) {
                throw new InputException(name, i + 1, "a count is not a number: '" + line + "'");
            }
        }
        return out;
    }

    /** A saved slabinfo file as one snapshot (allocs = active objects, frees = 0). */
    public static Snapshot snapshot(String name, String text, Instant time) {
        List<TagCounters> rows = new ArrayList<>();
        for (Cache c : parse(name, text)) {
            rows.add(c.row());
        }
        return new Snapshot(time, "", name, rows);
    }

    /** The totals /proc/meminfo gives, by {@link Snapshot}'s keys (values in kB there, bytes here). */
    public static Map<String, Long> meminfoTotals(String text) {
        Map<String, String> keys = Map.of("MemTotal", "memory.total", "MemAvailable", "memory.available", "Committed_AS", "commit",
                "CommitLimit", "commit.limit", "Slab", "slab", "SReclaimable", "slab.reclaimable", "SUnreclaim",
                "slab.unreclaimable");
        Map<String, Long> found = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = keys.get(line.substring(0, colon).trim());
            if (key == null) {
                continue;
            }
            String[] v = line.substring(colon + 1).trim().split("\\s+");
            try {
                long n = Long.parseLong(v[0]);
                found.put(key, v.length > 1 && v[1].equalsIgnoreCase("kB") ? n * 1024 : n);
            } catch (NumberFormatException e) {
                // a line we do not understand is left out of the totals rather than guessed
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String k : List.of("memory.total", "memory.available", "commit", "commit.limit", "slab", "slab.reclaimable",
                "slab.unreclaimable")) {
            if (found.containsKey(k)) {
                ordered.put(k, found.get(k));
            }
        }
        return ordered;
    }
}
