package dev.pooltags.report;

import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.Metric;
import dev.pooltags.leak.MetricTrend;
import dev.pooltags.leak.Pattern;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.Quantity;
import dev.pooltags.leak.SeriesTable;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * {@code pooltags leaks --format html}: one self-contained file (inline CSS and SVG, no script, nothing fetched)
 * that opens offline. A summary table of the suspects links to one section per suspect with its verdict, owner,
 * explanation, advice, a chart of bytes and one of outstanding allocations over time with the fitted Theil–Sen
 * trend of the final phase, and the evidence numbers.
 */
public final class LeakHtml {
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#1d1d1f;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:0 0 6px}
            .window,.counts{color:#444;margin:2px 0}.note{color:#7a5200;margin:2px 0}
            table{border-collapse:collapse;margin:12px 0;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #ddd;vertical-align:top}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
            .badge.leak{background:#c62828}.badge.likely-leak{background:#ef6c00}.badge.growing{background:#1565c0}.badge.stable{background:#757575}
            section.suspect{border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin:16px 0}
            .pool,.score{color:#555;font-weight:normal;font-size:14px}.owner{margin:2px 0}.advice{background:#f6f8fa;padding:6px 8px;border-radius:4px}
            .charts{display:flex;flex-wrap:wrap;gap:12px}
            svg.chart{background:#fff;border:1px solid #eee}svg .grid{stroke:#eee}svg .axis{stroke:#888}svg .xtickmark{stroke:#888}
            svg text{font:11px system-ui,sans-serif;fill:#555}svg .ytick{text-anchor:end}svg .xtick{text-anchor:middle}
            svg .chart-title{font-weight:600;fill:#333}
            svg .series{fill:none;stroke:#1565c0;stroke-width:1.4}svg .trend{stroke:#c62828;stroke-width:2;stroke-dasharray:6 3}
            svg .since{stroke:#ef6c00;stroke-dasharray:2 3}
            details{margin-top:8px}table.evidence td{font-size:12px;padding:2px 6px}
            footer{color:#777;font-size:12px;margin-top:24px}
            """;

    private LeakHtml() {}

    public static void write(PrintWriter out, LeakResult r, TagDatabase db, int top, boolean all) {
        List<TagVerdict> shown = r.ranked().stream().filter(v -> all || v.verdict() != Verdict.STABLE).limit(top).toList();
        int leaks = r.counts().get(Verdict.LEAK);
        double seconds = (r.end().toEpochMilli() - r.start().toEpochMilli()) / 1000.0;
        StringBuilder sb = new StringBuilder(64 * 1024);
        head(sb, "pooltags leaks: " + leaks + (leaks == 1 ? " leak" : " leaks"));
        sb.append("<header><h1>Pool leak report</h1>");
        sb.append("<p class=\"window\">").append(esc(String.format(Locale.ROOT, "%,d samples from %s to %s (%s), %,d tags",
                r.table().samples(), Quantity.time(r.start()), Quantity.time(r.end()), Quantity.duration(seconds),
                r.ranked().size()))).append("</p>");
        sb.append("<p class=\"counts\">").append(esc(LeakText.counts(r.counts()))).append("</p>");
        for (String n : r.notes()) {
            sb.append("<p class=\"note\">Note: ").append(esc(n)).append("</p>");
        }
        sb.append("</header>");
        if (shown.isEmpty()) {
            sb.append("<p class=\"none\">No tag grows: nothing to report.</p>");
        } else {
            sb.append("<table class=\"suspects\"><thead><tr><th>Verdict</th><th>Tag</th><th>Pool</th><th class=\"num\">Score</th>"
                    + "<th class=\"num\">Bytes now</th><th class=\"num\">Bytes/h</th><th class=\"num\">Count now</th>"
                    + "<th class=\"num\">Count/h</th><th>Since</th><th>Owner</th></tr></thead><tbody>");
            for (TagVerdict v : shown) {
                TagEntry owner = LeakJson.ownerOf(db, v.key());
                sb.append("<tr><td>").append(badge(v.verdict())).append("</td><td><a href=\"#").append(anchor(v))
                        .append("\">").append(esc(v.key().label())).append("</a></td><td>").append(v.key().type().poolmonName())
                        .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.0f", v.score()))
                        .append("</td><td class=\"num\">").append(esc(Quantity.bytes(v.bytes().last(), false)))
                        .append("</td><td class=\"num\">").append(esc(LeakText.rate(v.bytes(), Metric.BYTES)))
                        .append("</td><td class=\"num\">").append(esc(Quantity.count(v.count().last(), false)))
                        .append("</td><td class=\"num\">").append(esc(LeakText.rate(v.count(), Metric.COUNT)))
                        .append("</td><td>").append(v.since() == null ? "-" : esc(Quantity.time(v.since())))
                        .append("</td><td>").append(owner == null ? "-" : esc(LeakText.ownerText(owner))).append("</td></tr>");
            }
            sb.append("</tbody></table>");
            for (TagVerdict v : shown) {
                suspect(sb, r, db, v);
            }
        }
        sb.append("<footer>Made by pooltags leaks. Charts: the series (blue), the fitted Theil&ndash;Sen trend of the"
                + " final phase (red, dashed), where the current behaviour began (orange). Times are UTC.</footer>");
        sb.append("</body></html>\n");
        out.write(sb.toString());
        out.flush();
    }

    /** The phase comparison as a table (there is no time series to chart). */
    public static void write(PrintWriter out, PhaseComparison.Result r, TagDatabase db, int top, boolean all) {
        StringBuilder sb = new StringBuilder(16 * 1024);
        long left = r.ranked().stream().filter(c -> c.verdict().atLeast(Verdict.LIKELY_LEAK)).count();
        head(sb, "pooltags leaks: " + left + " left behind");
        sb.append("<header><h1>What the test left behind</h1><p class=\"window\">").append(esc(String.format(Locale.ROOT,
                "baseline: %d samples from %s; after: %d samples from %s", r.baselineSamples(),
                Quantity.time(r.baseline().get(0).time()), r.afterSamples(), Quantity.time(r.after().get(0).time()))))
                .append("</p></header>");
        sb.append("<table class=\"phase\"><thead><tr><th>Verdict</th><th>Tag</th><th>Pool</th><th class=\"num\">Bytes left</th>"
                + "<th class=\"num\">Count left</th><th>Owner</th><th>Explanation</th></tr></thead><tbody>");
        r.ranked().stream().filter(c -> all || c.verdict() != Verdict.STABLE).limit(top).forEach(c -> {
            TagEntry owner = LeakJson.ownerOf(db, c.key());
            sb.append("<tr><td>").append(badge(c.verdict())).append("</td><td>").append(esc(c.key().label()))
                    .append("</td><td>").append(c.key().type().poolmonName()).append("</td><td class=\"num\">")
                    .append(esc(Quantity.bytes(c.bytes().leftBehind(), true))).append("</td><td class=\"num\">")
                    .append(esc(Quantity.count(c.count().leftBehind(), true))).append("</td><td>")
                    .append(owner == null ? "-" : esc(LeakText.ownerText(owner))).append("</td><td>")
                    .append(esc(c.explanation())).append("</td></tr>");
        });
        sb.append("</tbody></table></body></html>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void head(StringBuilder sb, String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>");
    }

    private static void suspect(StringBuilder sb, LeakResult r, TagDatabase db, TagVerdict v) {
        TagEntry owner = LeakJson.ownerOf(db, v.key());
        sb.append("<section class=\"suspect\" id=\"").append(anchor(v)).append("\" data-tag=\"").append(esc(v.key().label()))
                .append("\" data-pool=\"").append(v.key().type().poolmonName()).append("\" data-verdict=\"")
                .append(v.verdict().label()).append("\">");
        sb.append("<h2>").append(esc(v.key().label())).append(" <span class=\"pool\">").append(v.key().type().poolmonName())
                .append("</span> ").append(badge(v.verdict())).append(" <span class=\"score\">score ")
                .append(String.format(Locale.ROOT, "%.0f", v.score())).append("</span></h2>");
        sb.append("<p class=\"owner\">Owner: ").append(owner == null ? "unknown (no tag file names it)"
                : esc(LeakText.ownerText(owner)) + " <span class=\"pool\">(" + esc(owner.source().toString()) + ")</span>")
                .append("</p>");
        sb.append("<p class=\"explanation\">").append(esc(v.explanation())).append("</p>");
        String advice = LeakAdvice.of(v, owner);
        if (!advice.isEmpty()) {
            sb.append("<p class=\"advice\">Next: ").append(esc(advice)).append("</p>");
        }
        SeriesTable.TagSeries s = r.table().get(v.key());
        double[] t = r.table().seconds();
        Instant start = r.start();
        double window = t[t.length - 1];
        DateTimeFormatter f = DateTimeFormatter.ofPattern(window < 2 * 86400 ? "HH:mm" : "MM-dd HH:mm", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        DoubleFunction<String> tl = sec -> f.format(start.plusMillis(Math.round(sec * 1000)));
        sb.append("<div class=\"charts\">");
        sb.append(chart(v.bytes(), s, t, tl, v, b -> Quantity.bytes(b, false)));
        sb.append(chart(v.count(), s, t, tl, v, v2 -> Quantity.count(v2, false)));
        sb.append("</div>");
        sb.append("<details><summary>Evidence</summary><table class=\"evidence\"><tr><th></th><th>bytes</th><th>count</th></tr>");
        row(sb, "verdict", v.bytes().verdict().label(), v.count().verdict().label());
        row(sb, "pattern", v.bytes().pattern().words(), v.count().pattern().words());
        row(sb, "samples", Integer.toString(v.bytes().samples()), Integer.toString(v.count().samples()));
        row(sb, "first / last", Quantity.bytes(v.bytes().first(), false) + " / " + Quantity.bytes(v.bytes().last(), false),
                Quantity.count(v.count().first(), false) + " / " + Quantity.count(v.count().last(), false));
        row(sb, "growth since start", Quantity.bytes(v.bytes().growthSinceStart(), true),
                Quantity.count(v.count().growthSinceStart(), true));
        row(sb, "growth since last level", Quantity.bytes(v.bytes().growthSinceLastLevel(), true),
                Quantity.count(v.count().growthSinceLastLevel(), true));
        row(sb, "rate now (Theil-Sen)", Quantity.rate(Metric.BYTES, v.bytes().ratePerHour()),
                Quantity.rate(Metric.COUNT, v.count().ratePerHour()));
        row(sb, "Mann-Kendall (final phase)", Quantity.p(v.bytes().phaseTrend().pIncreasing()),
                Quantity.p(v.count().phaseTrend().pIncreasing()));
        row(sb, "monotone tenths", v.bytes().monotoneRises() + " of " + v.bytes().monotoneSteps(),
                v.count().monotoneRises() + " of " + v.count().monotoneSteps());
        row(sb, "noise", Quantity.bytes(v.bytes().noise(), false), Quantity.count(v.count().noise(), false));
        row(sb, "releases", Integer.toString(v.bytes().releases()), Integer.toString(v.count().releases()));
        sb.append("</table></details></section>");
    }

    private static String chart(MetricTrend m, SeriesTable.TagSeries s, double[] t, DoubleFunction<String> tl, TagVerdict v,
            DoubleFunction<String> yl) {
        SvgChart.Line trend = null;
        if (m.verdict() != Verdict.STABLE || m.pattern() == Pattern.LEVELLED_OFF) {
            double a = m.phaseStartSeconds();
            double b = m.endSeconds();
            trend = new SvgChart.Line(a, m.phaseSlope().at(a), b, m.phaseSlope().at(b));
        }
        String title = (m.metric() == Metric.BYTES ? "Bytes" : "Outstanding allocations") + " of " + v.key().label() + " ("
                + m.verdict().label() + ")";
        double unit = 1;
        if (m.metric() == Metric.BYTES) {
            while (unit < 1024.0 * 1024 * 1024 && Math.max(Math.abs(m.max()), Math.abs(m.min())) >= unit * 1024) {
                unit *= 1024;
            }
        }
        return SvgChart.render(m.metric().id(), title, t, s.values(m.metric()), s.first(), trend, m.sinceSeconds(), unit,
                yl, tl);
    }

    private static void row(StringBuilder sb, String name, String bytes, String count) {
        sb.append("<tr><td>").append(esc(name)).append("</td><td>").append(esc(bytes)).append("</td><td>")
                .append(esc(count)).append("</td></tr>");
    }

    private static String badge(Verdict v) {
        return "<span class=\"badge " + v.label().replace(' ', '-') + "\">" + v.label() + "</span>";
    }

    private static String anchor(TagVerdict v) {
        StringBuilder sb = new StringBuilder("t-");
        for (char c : v.key().label().toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : String.format(Locale.ROOT, "_%02x", (int) c));
        }
        return sb.append('-').append(v.key().type().poolmonName()).toString();
    }

    /** Text made safe for HTML and SVG content and attributes. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
