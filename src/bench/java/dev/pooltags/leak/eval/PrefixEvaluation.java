package dev.pooltags.leak.eval;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Judges labelled series at every prefix length, the way a user meets the verdicts: after 4 samples, 6, 8, 12,
 * ... and on the whole series. Counts, per prefix length, the rows called "leak" and "likely leak" against the
 * truth: precision (how many of the calls were right) and recall (how many of the leaks were called).
 */
public final class PrefixEvaluation {
    /** The prefix lengths judged, in samples; the whole series is judged as well. */
    public static final int[] PREFIXES = {4, 6, 8, 12, 16, 24, 48, 96, 192, 384, 768};

    /**
     * One prefix length's tally over every labelled row of every series long enough for it.
     *
     * @param samples       the prefix length (0: each whole series)
     * @param rows          labelled rows judged
     * @param leakTp        leaking rows called "leak"
     * @param leakFp        healthy rows called "leak"
     * @param likelyTp      leaking rows called "leak" or "likely leak"
     * @param likelyFp      healthy rows called "leak" or "likely leak"
     * @param positives     leaking rows
     * @param early         rows called "too early"
     * @param unlabelledCalls unlabelled rows called "leak" or "likely leak" (not counted as right or wrong)
     * @param falseCalls    the wrong "leak" or "likely leak" calls, for reading
     */
    public record Tally(int samples, int rows, int leakTp, int leakFp, int likelyTp, int likelyFp, int positives, int early,
            int unlabelledCalls, List<String> falseCalls) {
        public double leakPrecision() {
            return leakTp + leakFp == 0 ? Double.NaN : (double) leakTp / (leakTp + leakFp);
        }

        public double likelyPrecision() {
            return likelyTp + likelyFp == 0 ? Double.NaN : (double) likelyTp / (likelyTp + likelyFp);
        }

        public double leakRecall() {
            return positives == 0 ? Double.NaN : (double) leakTp / positives;
        }

        public double likelyRecall() {
            return positives == 0 ? Double.NaN : (double) likelyTp / positives;
        }
    }

    private PrefixEvaluation() {}

    /** The series held to the targets: all but those that show a known limit. */
    public static List<LabelledSeries> targets(List<LabelledSeries> series) {
        return series.stream().filter(s -> s.limit() == null).toList();
    }

    /** The series that show a known limit. */
    public static List<LabelledSeries> limits(List<LabelledSeries> series) {
        return series.stream().filter(s -> s.limit() != null).toList();
    }

    /**
     * Judges every series at every prefix length of {@link #PREFIXES} that is shorter than it, and whole, with the
     * engine every command uses ({@link LeakAnalysis#state}: what {@code leaks}, {@code top} and {@code serve} show
     * after that many samples).
     */
    public static List<Tally> run(List<LabelledSeries> series, LeakOptions options) {
        return run(series, PREFIXES, PrefixEvaluation::state, options);
    }

    /** The state after the samples, as {@code leaks} computes it (and a live view with a window that long). */
    public static Map<TagCounters.RowKey, TagVerdict> state(List<Snapshot> samples, LeakOptions o) {
        return LeakAnalysis.state(samples, Integer.MAX_VALUE, LeakAnalysis.EVERY, o, List.of()).byKey();
    }

    /**
     * How long each leaking row took to be called, judged as a live view judges (the last {@code window} samples,
     * every {@code every} samples): seconds from its onset (or the first sample) to the first checkpoint that showed
     * "likely leak" or "leak", and to the first that showed "leak"; NaN when never.
     *
     * @param series the series
     * @param row    the leaking row
     * @param likely seconds to "likely leak" or stronger
     * @param leak   seconds to "leak"
     */
    public record Timing(String series, String row, double likely, double leak) {}

    /** Timings of every leaking row of every series. */
    public static List<Timing> timings(List<LabelledSeries> series, int window, int every, LeakOptions o) {
        List<Timing> out = new ArrayList<>();
        for (LabelledSeries s : series) {
            List<Snapshot> all = s.snapshots();
            java.time.Instant from = s.onset() != null ? s.onset() : all.get(0).time();
            Map<String, double[]> first = new LinkedHashMap<>();
            for (String l : s.leaking()) {
                first.put(l, new double[] {Double.NaN, Double.NaN});
            }
            for (int n = every; n <= all.size(); n += every) {
                if (n < 3) {
                    continue;
                }
                List<Snapshot> prefix = all.subList(0, n);
                double at = java.time.Duration.between(from, prefix.get(n - 1).time()).toMillis() / 1000.0;
                for (TagVerdict v : LeakAnalysis.state(prefix, window, every, o, List.of()).ranked()) {
                    double[] f = first.get(v.key().label());
                    if (f == null || at < 0) {
                        continue;
                    }
                    if (Double.isNaN(f[0]) && v.verdict().atLeast(Verdict.LIKELY_LEAK)) {
                        f[0] = at;
                    }
                    if (Double.isNaN(f[1]) && v.verdict() == Verdict.LEAK) {
                        f[1] = at;
                    }
                }
            }
            first.forEach((row, f) -> out.add(new Timing(s.name(), row, f[0], f[1])));
        }
        return out;
    }

    /**
     * Judges with {@code judge} (the offline analysis, or the live view's state) at each prefix length; the last
     * tally is the whole series.
     */
    public static List<Tally> run(List<LabelledSeries> series, int[] prefixes,
            BiFunction<List<Snapshot>, LeakOptions, Map<TagCounters.RowKey, TagVerdict>> judge, LeakOptions options) {
        Map<Integer, Counter> by = new LinkedHashMap<>();
        int[] lengths = Arrays.copyOf(prefixes, prefixes.length + 1);
        lengths[prefixes.length] = 0;
        for (int p : lengths) {
            by.put(p, new Counter());
        }
        for (LabelledSeries s : series) {
            int n = s.snapshots().size();
            for (int p : lengths) {
                if (p != 0 && p >= n) {
                    continue;
                }
                List<Snapshot> prefix = p == 0 ? s.snapshots() : s.snapshots().subList(0, p);
                if (prefix.size() < 2) {
                    continue;
                }
                Map<TagCounters.RowKey, TagVerdict> v = judge.apply(prefix, options);
                by.get(p).add(s, prefix, v);
            }
        }
        List<Tally> out = new ArrayList<>();
        for (Map.Entry<Integer, Counter> e : by.entrySet()) {
            Counter c = e.getValue();
            if (c.rows > 0) {
                out.add(new Tally(e.getKey(), c.rows, c.leakTp, c.leakFp, c.likelyTp, c.likelyFp, c.positives, c.early,
                        c.unlabelled, List.copyOf(c.falseCalls)));
            }
        }
        return out;
    }

    private static final class Counter {
        int rows;
        int leakTp;
        int leakFp;
        int likelyTp;
        int likelyFp;
        int positives;
        int early;
        int unlabelled;
        final List<String> falseCalls = new ArrayList<>();

        void add(LabelledSeries s, List<Snapshot> prefix, Map<TagCounters.RowKey, TagVerdict> verdicts) {
            double seconds = java.time.Duration.between(prefix.get(0).time(), prefix.get(prefix.size() - 1).time())
                    .toMillis() / 1000.0;
            for (TagVerdict v : verdicts.values()) {
                Boolean truth = s.truth(v.key().label());
                if (Boolean.TRUE.equals(truth) && s.onset() != null && prefix.get(prefix.size() - 1).time().isBefore(s.onset())) {
                    continue; // not leaking yet
                }
                boolean likely = v.verdict().atLeast(Verdict.LIKELY_LEAK);
                if (truth == null) {
                    if (likely) {
                        unlabelled++;
                    }
                    continue;
                }
                rows++;
                if (v.verdict() == Verdict.EARLY) {
                    early++;
                }
                if (truth) {
                    positives++;
                    leakTp += v.verdict() == Verdict.LEAK ? 1 : 0;
                    likelyTp += likely ? 1 : 0;
                } else if (likely) {
                    likelyFp++;
                    leakFp += v.verdict() == Verdict.LEAK ? 1 : 0;
                    if (falseCalls.size() < 50) {
                        falseCalls.add(s.name() + " after " + prefix.size() + " samples (" + Math.round(seconds) + " s): "
                                + v.key().label() + " " + v.verdict().label() + ": " + v.explanation());
                    }
                }
            }
        }
    }
}
