package dev.pooltags.report;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.SeriesCheck;
import dev.pooltags.leak.SeriesTable;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.RealSeries;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints the leak evaluation: verdicts per scenario, precision and recall, the misses, and the real series. */
public final class EvaluationReport {
    private EvaluationReport() {}

    public static void text(PrintWriter out, Evaluation.Report r, int showMisses) {
        TextTable t = new TextTable("Scenario", "Truth", ">Series", ">leak", ">likely", ">growing", ">stable", ">Right");
        for (Evaluation.ScenarioTally s : r.scenarios()) {
            t.row(s.scenario(), s.leak() ? "leak" : "no leak", s.total(), s.verdicts().get(Verdict.LEAK),
                    s.verdicts().get(Verdict.LIKELY_LEAK), s.verdicts().get(Verdict.GROWING), s.verdicts().get(Verdict.STABLE),
                    String.format(Locale.ROOT, "%.0f%%", 100 * s.accuracy()));
        }
        t.print(out, true);
        out.println();
        out.printf(Locale.ROOT, "%d series, %d leaks. Verdict \"leak\": precision %.3f, recall %.3f (targets 0.95, 0.90)%n",
                r.outcomes().size(), r.positives(), r.precision(), r.recall());
        out.printf(Locale.ROOT, "Verdict \"leak\" or \"likely leak\": precision %.3f, recall %.3f%n", r.likelyPrecision(),
                r.likelyRecall());
        out.printf(Locale.ROOT, "Plateauing caches called a leak: %d%n", r.plateausCalledLeak());
        List<Evaluation.Outcome> misses = r.misses();
        if (!misses.isEmpty() && showMisses > 0) {
            out.println();
            out.println("Misses and false alarms of the \"leak\" verdict (" + misses.size() + "):");
            for (Evaluation.Outcome o : misses.subList(0, Math.min(showMisses, misses.size()))) {
                out.println("  " + o.c().name() + " [" + o.c().parameters() + "] -> " + o.verdict().verdict().label()
                        + ": " + o.verdict().explanation());
            }
        }
        out.flush();
    }

    /** Runs and prints the real cases. */
    public static void real(PrintWriter out, List<RealSeries.RealCase> cases, List<String> singles, LeakOptions o) {
        for (RealSeries.RealCase c : cases) {
            out.println(c.name());
            out.println("  from: " + c.note());
            if (!c.reported().isEmpty()) {
                out.println("  reported: " + c.reported());
            }
            if (c.phase()) {
                PhaseComparison.Result r = PhaseComparison.compare(c.baseline(), c.after(), o);
                PhaseComparison.TagChange t = r.ranked().get(0);
                out.println("  pooltags (baseline/after): " + t.verdict().label() + ": " + t.explanation());
                continue;
            }
            SeriesCheck.Outcome chk = SeriesCheck.check(c.snapshots());
            if (!chk.usable()) {
                out.println("  pooltags: cannot judge: " + chk.problem());
                continue;
            }
            LeakResult r = LeakAnalysis.analyze(SeriesTable.of(chk.series()), o, chk.notes());
            TagVerdict v = r.ranked().get(0);
            out.println("  pooltags: " + v.verdict().label() + ": " + v.explanation());
        }
        for (String s : singles) {
            out.println(s);
            out.println("  pooltags: cannot judge: one sample (or a rate) gives no trend");
        }
        out.flush();
    }
}
