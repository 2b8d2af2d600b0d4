package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.MannKendall;
import dev.pooltags.leak.Metric;
import dev.pooltags.leak.MetricTrend;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.TheilSen;
import dev.pooltags.leak.Verdict;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * {@code pooltags leaks --format json}: a stable layout for scripts (documented in docs/leaks.md). Numbers are
 * rounded to 6 significant digits; an unbounded interval limit is null. Tags are in rank order.
 */
public final class LeakJson {
    private LeakJson() {}

    public static void write(PrintWriter out, LeakResult r, TagDatabase db, boolean all) {
        ObjectNode root = Json.object();
        root.put("tool", "pooltags leaks");
        root.put("mode", "trend");
        ObjectNode w = root.putObject("window");
        w.put("start", r.start().toString());
        w.put("end", r.end().toString());
        w.put("seconds", (r.end().toEpochMilli() - r.start().toEpochMilli()) / 1000.0);
        w.put("samples", r.table().samples());
        w.put("tags", r.ranked().size());
        options(root.putObject("options"), r.options());
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        ObjectNode counts = root.putObject("counts");
        for (Map.Entry<Verdict, Integer> e : r.counts().entrySet()) {
            counts.put(e.getKey().label(), e.getValue());
        }
        ArrayNode tags = root.putArray("tags");
        for (TagVerdict v : r.ranked()) {
            if (!all && v.verdict() == Verdict.STABLE) {
                continue;
            }
            ObjectNode t = tags.addObject();
            key(t, v.key());
            t.put("verdict", v.verdict().label());
            t.put("score", v.score());
            num(t, "rank", v.weight());
            t.put("next", v.next() == null ? null : v.next().label());
            num(t, "secondsToNext", v.secondsToNext());
            ArrayNode missing = t.putArray("missing");
            v.missing().forEach(missing::add);
            t.put("decidedBy", v.primary().id());
            t.put("since", v.since() == null ? null : v.since().toString());
            t.put("vanished", v.vanished());
            owner(t, db, v.key());
            t.put("explanation", v.explanation());
            String advice = LeakAdvice.of(v, ownerOf(db, v.key()));
            t.put("advice", advice.isEmpty() ? null : advice);
            if (v.allocsChange() < 0) {
                t.putNull("allocs");
                t.putNull("frees");
            } else {
                t.put("allocs", v.allocsChange());
                t.put("frees", v.freesChange());
            }
            metric(t.putObject("count"), v.count());
            metric(t.putObject("bytes"), v.bytes());
        }
        Json.write(out, root);
    }

    /** The phase comparison ({@code --baseline}/{@code --after}). */
    public static void write(PrintWriter out, PhaseComparison.Result r, TagDatabase db, LeakOptions o, boolean all) {
        ObjectNode root = Json.object();
        root.put("tool", "pooltags leaks");
        root.put("mode", "phase");
        ObjectNode p = root.putObject("phases");
        phase(p.putObject("baseline"), r.baseline());
        phase(p.putObject("after"), r.after());
        options(root.putObject("options"), o);
        ObjectNode counts = root.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.label(), r.ranked().stream().filter(t -> t.verdict() == v).count());
        }
        ArrayNode tags = root.putArray("tags");
        for (PhaseComparison.TagChange c : r.ranked()) {
            if (!all && c.verdict() == Verdict.STABLE) {
                continue;
            }
            ObjectNode t = tags.addObject();
            key(t, c.key());
            t.put("verdict", c.verdict().label());
            t.put("decidedBy", c.primary().id());
            owner(t, db, c.key());
            t.put("explanation", c.explanation());
            for (Metric m : Metric.values()) {
                PhaseComparison.Change ch = c.change(m);
                ObjectNode o2 = t.putObject(m.id());
                num(o2, "baseline", ch.baselineLevel());
                num(o2, "after", ch.afterLevel());
                num(o2, "leftBehind", ch.leftBehind());
                num(o2, "noise", ch.noise());
                o2.put("stillFalling", ch.stillFalling());
                o2.put("verdict", ch.verdict().label());
            }
        }
        Json.write(out, root);
    }

    private static void phase(ObjectNode o, List<Snapshot> s) {
        o.put("samples", s.size());
        o.put("start", s.get(0).time().toString());
        o.put("end", s.get(s.size() - 1).time().toString());
    }

    static void options(ObjectNode o, LeakOptions x) {
        o.put("alpha", x.alpha());
        o.put("likelyAlpha", x.likelyAlpha());
        o.put("confidence", x.confidence());
        LeakOptions.Gates g = x.gates();
        o.put("likelySamples", g.likelySamples());
        o.put("likelySeconds", g.likelySeconds());
        o.put("fastLikelySeconds", g.fastSeconds());
        o.put("fastAllocationsPerSecond", g.fastAllocations());
        o.put("fastBytesPerMinute", g.fastBytes());
        o.put("likelyWarmupSeconds", g.likelyWarmup());
        o.put("leakSamples", g.leakSamples());
        o.put("leakSeconds", g.leakSeconds());
        o.put("leakWarmupSeconds", g.leakWarmup());
        o.put("fillSeconds", g.fillSeconds());
        o.put("noiseMultiple", x.noiseMultiple());
        o.put("minCountGrowth", x.minCountGrowth());
        o.put("minBytesGrowth", x.minBytesGrowth());
        o.put("levelShare", x.levelShare());
        o.put("releaseShare", x.releaseShare());
        o.put("releaseNoise", x.releaseNoise());
        o.put("shapeEvidence", x.shapeEvidence());
        o.put("maxPoints", x.maxPoints());
        o.put("serialCorrelation", x.serialCorrelation());
    }

    static void key(ObjectNode t, TagCounters.RowKey k) {
        if (k.tag() != null) {
            t.put("tag", k.tag().memoryText());
            t.put("value", k.tag().hexText());
        } else {
            t.put("name", k.name());
        }
        t.put("pool", k.type().poolmonName());
    }

    static TagEntry ownerOf(TagDatabase db, TagCounters.RowKey k) {
        return db == null || k.tag() == null ? null : db.owner(k.tag());
    }

    private static void owner(ObjectNode t, TagDatabase db, TagCounters.RowKey k) {
        TagEntry e = ownerOf(db, k);
        if (e == null) {
            t.putNull("owner");
        } else {
            ObjectNode o = t.putObject("owner");
            o.put("binary", e.binary());
            o.put("description", e.description());
            o.put("file", e.source().file());
            o.put("line", e.source().line());
        }
    }

    private static void metric(ObjectNode o, MetricTrend m) {
        o.put("verdict", m.verdict().label());
        o.put("score", m.score());
        o.put("pattern", m.pattern().id());
        o.put("samples", m.samples());
        o.put("points", m.points());
        num(o, "first", m.first());
        num(o, "last", m.last());
        num(o, "min", m.min());
        num(o, "max", m.max());
        num(o, "startLevel", m.startLevel());
        num(o, "endLevel", m.endLevel());
        num(o, "growthSinceStart", m.growthSinceStart());
        num(o, "growthSinceLastLevel", m.growthSinceLastLevel());
        o.put("sinceSeconds", Double.isNaN(m.sinceSeconds()) ? null : round(m.sinceSeconds()));
        num(o, "ratePerHour", m.ratePerHour());
        slope(o.putObject("slope"), m.phaseSlope());
        slope(o.putObject("overallSlope"), m.slope());
        mk(o.putObject("mannKendall"), m.phaseTrend());
        mk(o.putObject("overallMannKendall"), m.trend());
        num(o, "serialFactor", m.serialFactor());
        num(o, "noise", m.noise());
        num(o, "stepNoise", m.stepNoise());
        ObjectNode mono = o.putObject("monotone");
        mono.put("rises", m.monotoneRises());
        mono.put("steps", m.monotoneSteps());
        num(mono, "share", m.monotoneShare());
        o.put("releases", m.releases());
        num(o, "largestRelease", m.largestRelease());
        ObjectNode shape = o.putObject("shape");
        shape.put("kind", m.shape().kind().name().toLowerCase(java.util.Locale.ROOT));
        num(shape, "bicLine", m.shape().bicLine());
        num(shape, "bicStep", m.shape().bicStep());
        num(shape, "bicBend", m.shape().bicBend());
        o.put("pausedSinceSeconds", Double.isNaN(m.pauseSeconds()) ? null : round(m.pauseSeconds()));
        ObjectNode e = o.putObject("evidence");
        num(e, "seconds", m.evidence().seconds());
        e.put("samples", m.evidence().samples());
        num(e, "warmupRuledOutSeconds", m.evidence().warmupRuledOut());
        e.put("fill", m.evidence().fill());
        e.put("fast", m.evidence().fast());
        num(e, "freedFirstHalf", m.evidence().freedFirst());
        num(e, "freedSecondHalf", m.evidence().freedSecond());
        e.put("freesCatchingUp", m.evidence().catchingUp());
        ObjectNode sat = o.putObject("saturation");
        num(sat, "tauSeconds", m.saturation().tau());
        num(sat, "tauLowerSeconds", m.saturation().tauLower());
        sat.put("linePlausible", m.saturation().linearPlausible());
        num(sat, "level", m.saturation().level());
        num(sat, "endSlopeRatio", m.saturation().endSlopeRatio());
    }

    private static void slope(ObjectNode o, TheilSen.Fit f) {
        num(o, "perHour", f.slope() * 3600);
        num(o, "lowerPerHour", f.lower() * 3600);
        num(o, "upperPerHour", f.upper() * 3600);
        num(o, "confidence", f.confidence());
    }

    private static void mk(ObjectNode o, MannKendall.Result r) {
        o.put("n", r.n());
        o.put("s", r.s());
        num(o, "variance", r.variance());
        num(o, "z", r.z());
        num(o, "pIncreasing", r.pIncreasing());
        num(o, "pTwoSided", r.pTwoSided());
        num(o, "tau", r.tau());
        o.put("exact", r.exact());
    }

    /** A number rounded to 6 significant digits; null when not finite. */
    static void num(ObjectNode o, String field, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(field);
        } else {
            o.put(field, round(v));
        }
    }

    static BigDecimal round(double v) {
        if (v == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
