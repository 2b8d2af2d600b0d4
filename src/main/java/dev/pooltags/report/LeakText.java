package dev.pooltags.report;

import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.Metric;
import dev.pooltags.leak.MetricTrend;
import dev.pooltags.leak.Pattern;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.Quantity;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code pooltags leaks} for people: a header with the window and the verdict counts, a table of the suspects
 * ranked (leaks first, fastest byte growth first), then each suspect's explanation, owner and next step.
 */
public final class LeakText {
    private LeakText() {}

    public static void write(PrintWriter out, LeakResult r, TagDatabase db, int top, boolean all) {
        double seconds = (r.end().toEpochMilli() - r.start().toEpochMilli()) / 1000.0;
        out.printf("%,d samples from %s to %s (%s), %,d tags%n", r.table().samples(), Quantity.time(r.start()),
                Quantity.time(r.end()), Quantity.duration(seconds), r.ranked().size());
        for (String n : r.notes()) {
            out.println("note: " + n);
        }
        out.println(counts(r.counts()));
        List<TagVerdict> shown = r.ranked().stream().filter(v -> all || v.verdict() != Verdict.STABLE).limit(top).toList();
        if (shown.isEmpty()) {
            out.println("No tag grows: nothing to report.");
            out.flush();
            return;
        }
        out.println();
        TextTable t = new TextTable("Verdict", "Tag", "Pool", ">Score", ">Bytes now", ">Bytes/h", ">Count now", ">Count/h",
                "Since", "Owner");
        for (TagVerdict v : shown) {
            MetricTrend b = v.bytes();
            MetricTrend c = v.count();
            TagEntry owner = LeakJson.ownerOf(db, v.key());
            t.row(v.verdict().label(), TextTable.tagCell(v.key().label()), v.key().type().poolmonName(),
                    String.format(java.util.Locale.ROOT, "%.0f", v.score()), Quantity.bytes(b.last(), false),
                    rate(b, Metric.BYTES), Quantity.count(c.last(), false), rate(c, Metric.COUNT),
                    v.since() == null ? "-" : Quantity.time(v.since()), owner == null ? "-" : ownerText(owner));
        }
        t.print(out, true);
        long more = r.ranked().stream().filter(v -> all || v.verdict() != Verdict.STABLE).count() - shown.size();
        if (more > 0) {
            out.printf("... %,d more (--top to show more)%n", more);
        }
        for (TagVerdict v : shown) {
            if (v.verdict() == Verdict.STABLE) {
                continue;
            }
            out.println();
            out.printf("%s %s: %s (score %.0f)%n", TextTable.tagCell(v.key().label()), v.key().type().poolmonName(),
                    v.verdict().label(), v.score());
            out.println("  " + v.explanation());
            TagEntry owner = LeakJson.ownerOf(db, v.key());
            if (owner != null) {
                out.println("  Owner: " + ownerText(owner) + "  (" + owner.source() + ")");
            }
            String advice = LeakAdvice.of(v, owner);
            if (!advice.isEmpty()) {
                out.println("  Next: " + advice);
            }
        }
        out.flush();
    }

    public static void write(PrintWriter out, PhaseComparison.Result r, TagDatabase db, int top, boolean all) {
        out.printf("baseline: %d %s (%s .. %s); after: %d %s (%s .. %s)%n", r.baselineSamples(),
                r.baselineSamples() == 1 ? "sample" : "samples", Quantity.time(r.baseline().get(0).time()),
                Quantity.time(r.baseline().get(r.baselineSamples() - 1).time()), r.afterSamples(),
                r.afterSamples() == 1 ? "sample" : "samples", Quantity.time(r.after().get(0).time()),
                Quantity.time(r.after().get(r.afterSamples() - 1).time()));
        Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, r.ranked().stream().filter(x -> x.verdict() == v).count());
        }
        out.printf("%d left behind (leak), %d likely, %d still falling, %d unchanged%n", counts.get(Verdict.LEAK),
                counts.get(Verdict.LIKELY_LEAK), counts.get(Verdict.GROWING), counts.get(Verdict.STABLE));
        List<PhaseComparison.TagChange> shown = r.ranked().stream().filter(c -> all || c.verdict() != Verdict.STABLE)
                .limit(top).toList();
        if (shown.isEmpty()) {
            out.println("Nothing was left behind.");
            out.flush();
            return;
        }
        out.println();
        TextTable t = new TextTable("Verdict", "Tag", "Pool", ">Bytes before", ">Bytes after", ">Left (bytes)",
                ">Count before", ">Count after", ">Left (count)", "Owner");
        for (PhaseComparison.TagChange c : shown) {
            TagEntry owner = LeakJson.ownerOf(db, c.key());
            t.row(c.verdict().label(), TextTable.tagCell(c.key().label()), c.key().type().poolmonName(),
                    Quantity.bytes(c.bytes().baselineLevel(), false), Quantity.bytes(c.bytes().afterLevel(), false),
                    Quantity.bytes(c.bytes().leftBehind(), true), Quantity.count(c.count().baselineLevel(), false),
                    Quantity.count(c.count().afterLevel(), false), Quantity.count(c.count().leftBehind(), true),
                    owner == null ? "-" : ownerText(owner));
        }
        t.print(out, true);
        for (PhaseComparison.TagChange c : shown) {
            if (c.verdict() == Verdict.STABLE) {
                continue;
            }
            out.println();
            out.printf("%s %s: %s%n  %s%n", TextTable.tagCell(c.key().label()), c.key().type().poolmonName(),
                    c.verdict().label(), c.explanation());
        }
        out.flush();
    }

    static String counts(Map<Verdict, Integer> c) {
        return String.format(java.util.Locale.ROOT, "%,d %s, %,d %s, %,d growing, %,d too early, %,d stable",
                c.get(Verdict.LEAK), c.get(Verdict.LEAK) == 1 ? "leak" : "leaks", c.get(Verdict.LIKELY_LEAK),
                c.get(Verdict.LIKELY_LEAK) == 1 ? "likely leak" : "likely leaks", c.get(Verdict.GROWING),
                c.get(Verdict.EARLY), c.get(Verdict.STABLE));
    }

    static String rate(MetricTrend t, Metric m) {
        if (t.verdict() == Verdict.STABLE && t.pattern() != Pattern.STEADY_GROWTH) {
            return "-";
        }
        return Quantity.rate(m, t.ratePerHour());
    }

    static String ownerText(TagEntry e) {
        String b = e.binary().isEmpty() ? "" : e.binary();
        String d = e.description();
        return b.isEmpty() ? d : d.isEmpty() ? b : b + " - " + d;
    }
}
