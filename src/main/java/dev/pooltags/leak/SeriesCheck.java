package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a series must be before trends mean anything, checked before analysis: at least two samples at distinct
 * times, from one machine. Exact duplicates are dropped; gaps, mixed sources and restarts are noted in words
 * (the analysis copes: it uses real times, and a restart reads as a release).
 */
public final class SeriesCheck {
    /** A gap is an interval this many times the usual one (and at least a minute longer). */
    static final double GAP_FACTOR = 10;

    /**
     * The outcome: the usable series and notes, or the problem that makes it unusable.
     *
     * @param series  the snapshots to analyse (duplicates removed)
     * @param notes   what was noticed, in words
     * @param problem why the series cannot be analysed, or null
     */
    public record Outcome(List<Snapshot> series, List<String> notes, String problem) {
        public boolean usable() {
            return problem == null;
        }
    }

    private SeriesCheck() {}

    /** Checks snapshots in time order. */
    public static Outcome check(List<Snapshot> snapshots) {
        List<String> notes = new ArrayList<>();
        if (snapshots.isEmpty()) {
            return new Outcome(List.of(), notes, "no snapshots in the input");
        }
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Snapshot s : snapshots) {
            if (!s.host().isEmpty()) {
                hosts.add(s.host());
            }
            sources.add(s.source());
        }
        if (hosts.size() > 1) {
            return new Outcome(snapshots, notes, "the samples come from " + hosts.size() + " machines (" + list(hosts)
                    + "): a trend is measured on one machine; give the files of one machine at a time");
        }
        List<Snapshot> kept = new ArrayList<>(snapshots.size());
        int dropped = 0;
        for (Snapshot s : snapshots) {
            Snapshot prev = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (prev != null && prev.time().equals(s.time())) {
                if (prev.rows().equals(s.rows())) {
                    dropped++;
                    continue;
                }
                return new Outcome(snapshots, notes, "two different snapshots have the same time " + Quantity.time(s.time())
                        + " (from " + prev.source() + " and " + s.source()
                        + "): a series needs one sample per time; remove one of them");
            }
            kept.add(s);
        }
        if (dropped > 0) {
            notes.add(dropped + (dropped == 1 ? " snapshot repeated" : " snapshots repeated")
                    + " another with the same time and rows and " + (dropped == 1 ? "was" : "were") + " dropped");
        }
        if (kept.size() < 2) {
            Snapshot only = kept.get(0);
            int rows = only.rows().size();
            return new Outcome(kept, notes, "only one snapshot (" + Quantity.time(only.time()) + ", " + rows
                    + (rows == 1 ? " tag" : " tags") + "): a trend needs at least two samples; record a series (pooltags record) or compare two"
                    + " runs with --baseline and --after");
        }
        if (sources.size() > 1) {
            notes.add("the samples come from " + sources.size() + " sources (" + list(sources) + "), read as one series");
        }
        gaps(kept, notes);
        restarts(kept, notes);
        return new Outcome(kept, notes, null);
    }

    private static void gaps(List<Snapshot> s, List<String> notes) {
        int n = s.size();
        double[] iv = new double[n - 1];
        for (int i = 1; i < n; i++) {
            iv[i - 1] = Duration.between(s.get(i - 1).time(), s.get(i).time()).toMillis() / 1000.0;
        }
        double[] sorted = iv.clone();
        Arrays.sort(sorted);
        double usual = sorted[sorted.length / 2];
        int found = 0;
        for (int i = 0; i < iv.length; i++) {
            if (iv[i] > GAP_FACTOR * usual && iv[i] > usual + 60) {
                if (found < 3) {
                    notes.add("no samples for " + Quantity.duration(iv[i]) + " between " + Quantity.time(s.get(i).time())
                            + " and " + Quantity.time(s.get(i + 1).time()) + " (usual interval "
                            + Quantity.duration(usual) + ")");
                }
                found++;
            }
        }
        if (found > 3) {
            notes.add((found - 3) + " more gaps like these");
        }
    }

    /**
     * Allocation counters only grow (modulo 2^32); when most tags' counters fall at once the machine restarted
     * between the two samples, and growth across that point is not comparable.
     */
    private static void restarts(List<Snapshot> s, List<String> notes) {
        for (int i = 1; i < s.size(); i++) {
            Map<TagCounters.RowKey, TagCounters> before = s.get(i - 1).byKey();
            int common = 0;
            int fell = 0;
            for (TagCounters r : s.get(i).rows()) {
                TagCounters b = before.get(r.key());
                if (b != null && b.allocs() > 0) {
                    common++;
                    // a fall by more than half is a reset; a wrap falls from near 2^32 to near 0
                    if (r.allocs() < b.allocs() / 2 && b.allocs() < TagCounters.COUNTER_MODULUS * 3 / 4) {
                        fell++;
                    }
                }
            }
            if (common >= 4 && fell * 2 > common) {
                notes.add("allocation counters of " + fell + " of " + common + " tags went back between "
                        + Quantity.time(s.get(i - 1).time()) + " and " + Quantity.time(s.get(i).time())
                        + ": the machine restarted? growth across that point is not comparable");
            }
        }
    }

    private static String list(Set<String> names) {
        List<String> l = new ArrayList<>(names);
        String shown = String.join(", ", l.subList(0, Math.min(3, l.size())));
        return l.size() > 3 ? shown + ", ..." : shown;
    }
}
