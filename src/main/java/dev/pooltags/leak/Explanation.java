package dev.pooltags.leak;

import java.time.Instant;

/**
 * Puts a verdict into words: what the deciding metric did, since when, at what rate, how sure, and what the other
 * metric did. Every number in the sentence is one of the evidence numbers of the {@link MetricTrend}.
 */
final class Explanation {
    private Explanation() {}

    static String of(MetricTrend d, MetricTrend other, Instant start, boolean vanished, long allocs, long frees,
            LeakOptions o) {
        StringBuilder sb = new StringBuilder(240);
        describe(sb, d, start, o);
        if (other != null && other.verdict() != Verdict.STABLE && other.pattern() != d.pattern()) {
            sb.append(' ').append(other.metric() == Metric.BYTES ? "Bytes" : "Outstanding allocations").append(": ")
                    .append(other.pattern().words()).append(" (").append(other.verdict().label()).append(").");
        } else if (other != null && d.verdict().atLeast(Verdict.LIKELY_LEAK) && other.verdict() != Verdict.STABLE) {
            sb.append(' ').append(other.metric() == Metric.BYTES ? "Bytes grew" : "Outstanding allocations grew")
                    .append(" alongside (").append(Quantity.rate(other.metric(), other.ratePerHour())).append(").");
        }
        if (allocs > 0 && d.verdict().atLeast(Verdict.GROWING)) {
            double kept = allocs - frees;
            sb.append(' ').append(Quantity.count(allocs, false)).append(" allocations and ")
                    .append(Quantity.count(frees, false)).append(" frees in the window");
            if (kept > 0) {
                sb.append(String.format(java.util.Locale.ROOT, " (%.2f%% kept)", 100.0 * kept / allocs));
            }
            sb.append('.');
        }
        if (vanished) {
            sb.append(" The tag is gone from the last sample: nothing of it is outstanding.");
        }
        return sb.toString();
    }

    /** What the deciding metric did, in the words of its pattern. */
    private static void describe(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        double window = d.endSeconds() - d.startSeconds();
        switch (d.pattern()) {
            case TOO_SHORT -> tooShort(sb, d, start, o);
            case CONSTANT -> sb.append(unit).append(" constant at ").append(Quantity.of(m, d.first(), false))
                    .append(" over ").append(d.samples()).append(" samples.");
            case FLAT -> sb.append("No significant growth: ").append(unit.toLowerCase(java.util.Locale.ROOT))
                    .append(" between ").append(Quantity.of(m, d.min(), false)).append(" and ")
                    .append(Quantity.of(m, d.max(), false)).append(", ").append(Quantity.of(m, d.growthSinceStart(), true))
                    .append(" from start to end (Mann-Kendall ").append(Quantity.p(d.trend().pIncreasing())).append(").");
            case SHRINKING -> shrinking(sb, d, start, o);
            case STEADY_GROWTH -> steadyGrowth(sb, d, start, o);
            case GROWTH_AFTER_LEVEL -> growthAfterLevel(sb, d, start, o);
            case SATURATING -> saturating(sb, d, start, o);
            case GROWTH_PAUSED -> paused(sb, d, start, o);
            case SLOWING -> {
                sb.append(unit).append(" grew at ").append(Quantity.rate(m, d.shape().slopeBefore() * 3600))
                        .append(" until ").append(at(start, d.sinceSeconds())).append(", then slowed to ");
                rate(sb, d);
                sb.append(": a cache filling up, or a leak that slowed down. Watch it longer.");
            }
            case LEVELLED_OFF -> sb.append(unit).append(" grew by ")
                    .append(Quantity.of(m, Math.max(d.endLevel() - d.startLevel(),
                            d.shape().slopeBefore() * (d.sinceSeconds() - d.startSeconds())), true)).append(" until ")
                    .append(at(start, d.sinceSeconds())).append(", then levelled off at about ")
                    .append(Quantity.of(m, d.endLevel(), false)).append(" and held for ")
                    .append(Quantity.duration(d.endSeconds() - d.sinceSeconds()))
                    .append(d.verdict() == Verdict.STABLE ? ": looks like a cache that filled up, not a leak."
                            : ": levelled off only recently; watch whether it holds.");
            case STEP -> sb.append(unit).append(d.endLevel() >= d.startLevel() ? " stepped up by " : " stepped down by ")
                    .append(Quantity.of(m, Math.abs(d.endLevel() - d.startLevel()), false))
                    .append(" at ").append(at(start, d.sinceSeconds())).append(" and has been level for ")
                    .append(Quantity.duration(d.endSeconds() - d.sinceSeconds()))
                    .append(d.verdict() == Verdict.STABLE ? ": a one-off step, not a leak."
                            : ": too recent to tell a one-off step from the start of a leak.");
            case RELEASED -> released(sb, d, start, o);
            case RISING_FLOOR -> {
                sb.append(unit).append(" released ").append(d.releases()).append(" times, but the level it falls back to rose ")
                        .append(Quantity.of(m, d.growthSinceLastLevel(), true)).append(" over ").append(d.releases() + 1)
                        .append(" cycles (");
                sb.append(Quantity.rate(m, d.phaseSlope().slope() * 3600));
                sb.append("): part of every cycle is never freed.");
            }
        }
    }

    private static String unit(Metric m) {
        return m == Metric.BYTES ? "Bytes" : "Outstanding allocations";
    }

    private static void tooShort(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        double window = d.endSeconds() - d.startSeconds();
        if (d.samples() < 2 || window <= 0) {
            sb.append("Only ").append(d.samples()).append(d.samples() == 1 ? " sample" : " samples")
                    .append(" at one time: no trend can be measured.");
        } else {
            sb.append("Only ").append(d.samples()).append(" samples over ").append(Quantity.duration(window))
                    .append(": ").append(unit.toLowerCase(java.util.Locale.ROOT)).append(" went from ")
                    .append(Quantity.of(m, d.first(), false)).append(" to ").append(Quantity.of(m, d.last(), false))
                    .append(" (").append(Quantity.of(m, d.last() - d.first(), true))
                    .append("); too few to tell a leak from a cache. Take more samples.");
        }
    }

    private static void shrinking(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        double window = d.endSeconds() - d.startSeconds();
        if (Double.isNaN(d.sinceSeconds())) {
            sb.append(unit).append(" shrinking: ").append(Quantity.of(m, d.growthSinceStart(), true))
                    .append(" over ").append(Quantity.duration(window)).append(" (")
                    .append(Quantity.rate(m, d.slope().slope() * 3600)).append(").");
        } else {
            sb.append(unit).append(" grew until ").append(at(start, d.sinceSeconds())).append(", then fell by ")
                    .append(Quantity.of(m, -d.growthSinceLastLevel(), false)).append(" (")
                    .append(Quantity.rate(m, d.ratePerHour())).append("): given back, not a leak.");
        }
    }

    private static void steadyGrowth(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        double window = d.endSeconds() - d.startSeconds();
        sb.append(unit).append(notSustained(d) ? " grew by " : " grew steadily by ")
                .append(Quantity.of(m, d.growthSinceLastLevel(), true))
                .append(" over ").append(Quantity.duration(window)).append(" at ");
        rate(sb, d);
        sb.append(", rising in ").append(d.monotoneRises()).append(" of ").append(d.monotoneSteps())
                .append(" tenths of the window")
                .append(d.verdict() == Verdict.GROWING ? "" : " and never given back").append(" (Mann-Kendall ")
                .append(Quantity.p(d.phaseTrend().pIncreasing())).append(").");
        if (d.verdict() == Verdict.GROWING) {
            sb.append(notSustained(d) ? " It grew in a few jumps, not throughout"
                    : d.growthSinceLastLevel() < o.minGrowth(m) ? " The growth is small" : " The growth is within the noise")
                    .append(": not called a leak.");
        }
    }

    private static void growthAfterLevel(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        sb.append(unit).append(" held a level until ").append(at(start, d.sinceSeconds()))
                .append(", then grew by ").append(Quantity.of(m, d.growthSinceLastLevel(), true)).append(" in ")
                .append(Quantity.duration(d.endSeconds() - d.sinceSeconds())).append(" at ");
        rate(sb, d);
        sb.append(" (Mann-Kendall ").append(Quantity.p(d.phaseTrend().pIncreasing())).append(").");
        if (d.verdict() == Verdict.GROWING && notSustained(d)) {
            sb.append(" It grew in a few jumps (rising in ").append(d.monotoneRises()).append(" of ")
                    .append(d.monotoneSteps()).append(" tenths since): not called a leak.");
        } else if (d.verdict() == Verdict.GROWING) {
            sb.append(" Before that it rose as much, or was as high (up to ").append(Quantity.of(m, d.max(), false))
                    .append("): this tag wanders; not called a leak.");
        }
    }

    private static void saturating(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        sb.append(unit).append(" grew by ").append(Quantity.of(m, d.growthSinceLastLevel(), true)).append(" over ")
                .append(Quantity.duration(d.endSeconds() - d.phaseStartSeconds())).append(" (Mann-Kendall ")
                .append(Quantity.p(d.phaseTrend().pIncreasing())).append("), but ");
        Evidence e = d.evidence();
        SaturationFit.Result f = d.saturation();
        if (f.saturating()) {
            sb.append("at a falling rate: it fits a warm-up toward about ").append(Quantity.of(m, f.level(), false))
                    .append(" (time constant ").append(Quantity.duration(f.tau())).append(") better than a straight"
                            + " line");
            if (e.catchingUp()) {
                sb.append(", and ");
            }
        }
        if (e.catchingUp()) {
            sb.append(String.format(java.util.Locale.ROOT, "frees are catching up with allocations (%.0f%% of the"
                    + " allocations freed in the first half of the growth, %.0f%% in the second)",
                    100 * e.freedFirst(), 100 * e.freedSecond()));
        }
        sb.append(": a working set or cache filling up, not a leak. Watch whether it levels off.");
    }

    private static void paused(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        sb.append(unit).append(" grew steadily by ").append(Quantity.of(m, d.growthSinceLastLevel(), true))
                .append(" over ").append(Quantity.duration(d.pauseSeconds() - d.phaseStartSeconds())).append(" at ");
        rate(sb, d);
        sb.append(" (Mann-Kendall ").append(Quantity.p(d.phaseTrend().pIncreasing())).append("), then paused at ")
                .append(at(start, d.pauseSeconds())).append(" for ")
                .append(Quantity.duration(d.endSeconds() - d.pauseSeconds()))
                .append(": a pause this short after growth this long keeps the verdict of the growth; if it"
                        + " stays level, it was a fill, not a leak.");
    }

    private static void released(StringBuilder sb, MetricTrend d, Instant start, LeakOptions o) {
        Metric m = d.metric();
        String unit = unit(m);
        sb.append(unit).append(" released ").append(d.releases()).append(d.releases() == 1 ? " time" : " times")
                .append(" (up to ").append(Quantity.of(m, d.largestRelease(), false))
                .append(" given back at once)");
        if (d.verdict() == Verdict.GROWING) {
            sb.append(", but now above every earlier peak: ").append(Quantity.of(m, d.growthSinceLastLevel(), true))
                    .append(" since ").append(at(start, d.sinceSeconds())).append(".");
        } else {
            sb.append(": memory is returned, not a leak.");
        }
    }

    private static boolean notSustained(MetricTrend d) {
        return !TrendAnalysis.sustained(d.monotoneRises(), d.monotoneSteps());
    }

    private static void rate(StringBuilder sb, MetricTrend d) {
        Metric m = d.metric();
        sb.append(Quantity.rate(m, d.ratePerHour()));
        TheilSen.Fit f = d.phaseSlope();
        if (Double.isFinite(f.lower()) && Double.isFinite(f.upper())) {
            sb.append(String.format(java.util.Locale.ROOT, " (%.0f%% interval %s to %s)", f.confidence() * 100,
                    Quantity.rate(m, f.lower() * 3600), Quantity.rate(m, f.upper() * 3600)));
        }
    }

    private static String at(Instant start, double seconds) {
        return Quantity.time(start.plusMillis(Math.round(seconds * 1000)));
    }
}
