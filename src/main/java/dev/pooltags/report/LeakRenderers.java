package dev.pooltags.report;

import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.Verdict;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tagdb.TagDatabase;

/**
 * The formats of {@code pooltags leaks}, for its two results (the verdicts over a series, and a baseline compared
 * with the samples after a test): text (the default, terminal-safe), json, html and junit, each written by the
 * report of that format ({@link LeakText}, {@link LeakJson}, {@link LeakHtml}, {@link LeakJunit}). Owners come from
 * {@code db}; text and html show the first {@code top} tags, and stable ones too when {@code all}; junit fails the
 * tags judged at least {@code gate}.
 */
public final class LeakRenderers {
    private LeakRenderers() {}

    /** The formats of the verdicts over one series. */
    public static Renderers<LeakResult> series(TagDatabase db, int top, boolean all, Verdict gate) {
        return Renderers.<LeakResult>of("text", (out, r) -> LeakText.write(TerminalText.writer(out), r, db, top, all))
                .and("json", (out, r) -> LeakJson.write(out, r, db, all))
                .and("html", (out, r) -> LeakHtml.write(out, r, db, top, all))
                .and("junit", (out, r) -> LeakJunit.write(out, r, db, gate));
    }

    /** The formats of a baseline compared with the samples after a test, judged with {@code options}. */
    public static Renderers<PhaseComparison.Result> phases(TagDatabase db, LeakOptions options, int top, boolean all,
            Verdict gate) {
        return Renderers.<PhaseComparison.Result>of("text", (out, r) -> LeakText.write(TerminalText.writer(out), r, db, top, all))
                .and("json", (out, r) -> LeakJson.write(out, r, db, options, all))
                .and("html", (out, r) -> LeakHtml.write(out, r, db, top, all))
                .and("junit", (out, r) -> LeakJunit.write(out, r, db, gate));
    }
}
