package dev.pooltags.leak;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * "What did this test leave behind?": samples taken before a test (the baseline) against samples taken after it
 * and an idle period, as in Microsoft's PoolMon procedure (note Diff and Bytes before, run the test, wait, compare).
 *
 * <p>Per tag and pool type and per metric: the level of each phase is the median of its samples (a tag missing
 * from a sample counts as zero there); what was left behind is the after level minus the baseline level; the noise
 * is the larger spread within a phase (1.4826 MAD, or half the range for two or three samples). A tag left more
 * than noise-multiple times the noise behind, and not still falling in the after phase, is a leak. With one sample
 * per phase the noise cannot be measured, so anything left behind is at most a likely leak: repeat the run.
 */
public final class PhaseComparison {
    /**
     * One metric of one tag across the two phases.
     *
     * @param metric           the metric
     * @param baselineLevel    median over the baseline samples
     * @param afterLevel       median over the after samples
     * @param noise            the larger spread within a phase (0 when each phase has one sample)
     * @param stillFalling     the after samples fall significantly (the test's memory is still being released)
     * @param verdict          what this metric supports
     */
    public record Change(Metric metric, double baselineLevel, double afterLevel, double noise, boolean stillFalling,
            Verdict verdict) {
        public double leftBehind() {
            return afterLevel - baselineLevel;
        }
    }

    /** One tag's comparison: the stronger metric decides. */
    public record TagChange(TagCounters.RowKey key, Verdict verdict, Metric primary, Change count, Change bytes,
            String explanation) {
        public Change change(Metric m) {
            return m == Metric.COUNT ? count : bytes;
        }
    }

    /**
     * The comparison.
     *
     * @param baselineSamples samples before
     * @param afterSamples    samples after
     * @param ranked          every tag, strongest verdict first, then most bytes left behind
     */
    public record Result(List<Snapshot> baseline, List<Snapshot> after, int baselineSamples, int afterSamples,
            List<TagChange> ranked) {
        public List<TagChange> atLeast(Verdict gate) {
            return ranked.stream().filter(t -> t.verdict().atLeast(gate)).toList();
        }
    }

    private PhaseComparison() {}

    public static Result compare(List<Snapshot> baseline, List<Snapshot> after, LeakOptions o) {
        if (baseline.isEmpty() || after.isEmpty()) {
            throw new IllegalArgumentException("both phases need at least one sample");
        }
        TreeSet<TagCounters.RowKey> keys = new TreeSet<>();
        for (Snapshot s : baseline) {
            s.rows().forEach(r -> keys.add(r.key()));
        }
        for (Snapshot s : after) {
            s.rows().forEach(r -> keys.add(r.key()));
        }
        List<Map<TagCounters.RowKey, TagCounters>> b = baseline.stream().map(Snapshot::byKey).toList();
        List<Map<TagCounters.RowKey, TagCounters>> a = after.stream().map(Snapshot::byKey).toList();
        List<TagChange> out = new ArrayList<>(keys.size());
        for (TagCounters.RowKey k : keys) {
            Change c = change(Metric.COUNT, column(b, k, Metric.COUNT), column(a, k, Metric.COUNT), o);
            Change y = change(Metric.BYTES, column(b, k, Metric.BYTES), column(a, k, Metric.BYTES), o);
            Change d = c.verdict().ordinal() < y.verdict().ordinal() ? c
                    : y.verdict().ordinal() < c.verdict().ordinal() ? y : y.leftBehind() != 0 ? y : c;
            out.add(new TagChange(k, d.verdict(), d.metric(), c, y, words(d, d == c ? y : c, baseline.size(), after.size(), o)));
        }
        out.sort(Comparator.comparing(TagChange::verdict)
                .thenComparing(Comparator.comparingDouble((TagChange t) -> t.bytes().leftBehind()).reversed())
                .thenComparing(Comparator.comparingDouble((TagChange t) -> t.count().leftBehind()).reversed())
                .thenComparing(TagChange::key));
        return new Result(baseline, after, baseline.size(), after.size(), Collections.unmodifiableList(out));
    }

    private static double[] column(List<Map<TagCounters.RowKey, TagCounters>> phase, TagCounters.RowKey k, Metric m) {
        double[] v = new double[phase.size()];
        for (int i = 0; i < v.length; i++) {
            TagCounters r = phase.get(i).get(k);
            v[i] = r == null ? 0 : m == Metric.COUNT ? r.outstanding() : r.bytes();
        }
        return v;
    }

    private static Change change(Metric m, double[] before, double[] after, LeakOptions o) {
        double bl = TheilSen.median(before, 0, before.length);
        double al = TheilSen.median(after, 0, after.length);
        double noise = Math.max(spread(before), spread(after));
        boolean falling = false;
        if (after.length >= 4) {
            MannKendall.Result mk = MannKendall.test(after);
            falling = mk.s() < 0 && mk.pTwoSided() < 2 * o.likelyAlpha();
        }
        double left = al - bl;
        boolean measured = before.length > 1 || after.length > 1;
        Verdict v;
        if (falling) {
            // a falling after phase is no measure of noise; what matters is whether it is still above the baseline
            noise = spread(before);
            v = after[after.length - 1] - bl > o.noiseMultiple() * noise ? Verdict.GROWING : Verdict.STABLE;
        } else if (left <= 0 || left <= o.noiseMultiple() * noise) {
            v = Verdict.STABLE;
        } else if (!measured) {
            v = Verdict.LIKELY_LEAK;
        } else {
            v = Verdict.LEAK;
        }
        return new Change(m, bl, al, noise, falling, v);
    }

    /** 1.4826 MAD from four samples on; half the range for two or three; 0 for one. */
    private static double spread(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        if (v.length < 4) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            return (max - min) / 2;
        }
        double med = TheilSen.median(v, 0, v.length);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Math.abs(v[i] - med);
        }
        return 1.4826 * TheilSen.median(d, 0, d.length);
    }

    private static String words(Change d, Change other, int nb, int na, LeakOptions o) {
        Metric m = d.metric();
        StringBuilder sb = new StringBuilder(200);
        String what = m == Metric.BYTES ? "Bytes" : "Outstanding allocations";
        sb.append(what).append(": ").append(Quantity.of(m, d.baselineLevel(), false)).append(" before, ")
                .append(Quantity.of(m, d.afterLevel(), false)).append(" after");
        double left = d.leftBehind();
        switch (d.verdict()) {
            case LEAK -> sb.append(": ").append(Quantity.of(m, left, false)).append(" left behind, more than ")
                    .append(fmt(o.noiseMultiple())).append(" times the variation within a phase (")
                    .append(Quantity.of(m, d.noise(), false)).append(").");
            case LIKELY_LEAK -> sb.append(": ").append(Quantity.of(m, left, false))
                    .append(" left behind. One sample per phase cannot measure the noise: take several samples before"
                            + " and after, or repeat the run, to confirm.");
            case GROWING -> sb.append(": ").append(Quantity.of(m, left, false))
                    .append(" above the baseline, but still falling after the test: wait longer before the after samples.");
            case STABLE -> sb.append(left > 0 ? ": within the variation between samples." : ": nothing left behind.");
        }
        if (other.leftBehind() > 0 && d.verdict().atLeast(Verdict.LIKELY_LEAK)) {
            sb.append(' ').append(Quantity.of(other.metric(), other.leftBehind(), false)).append(" left behind by ")
                    .append(other.metric() == Metric.BYTES ? "bytes." : "count.");
            if (m == Metric.COUNT && left > 0 && other.metric() == Metric.BYTES) {
                sb.append(" About ").append(Quantity.bytes(other.leftBehind() / left, false)).append(" per allocation.");
            } else if (m == Metric.BYTES && other.leftBehind() > 0) {
                sb.append(" About ").append(Quantity.bytes(left / other.leftBehind(), false)).append(" per allocation.");
            }
        }
        if (nb == 1 && na == 1 && d.verdict() == Verdict.STABLE && left > 0) {
            sb.append(" (one sample per phase)");
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%.0f", v) : String.valueOf(v);
    }
}
