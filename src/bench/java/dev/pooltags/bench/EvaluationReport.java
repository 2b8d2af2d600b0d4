package dev.pooltags.bench;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.PhaseComparison;
import dev.pooltags.leak.SeriesCheck;
import dev.pooltags.leak.SeriesTable;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import dev.pooltags.leak.eval.Evaluation;
import dev.pooltags.leak.eval.PrefixEvaluation;
import dev.pooltags.leak.eval.RealSeries;
import dev.pooltags.report.TextTable;
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

    /**
     * The prefix table: per prefix length (in samples; "whole" for each whole series), the labelled rows judged,
     * the "leak" and "likely leak or leak" calls right and wrong, precision, recall and the rows too early to judge.
     */
    public static void prefixes(PrintWriter out, List<PrefixEvaluation.Tally> tallies, int showFalse) {
        TextTable t = new TextTable(">Samples", ">Rows", ">Leaks", ">leak ok", ">leak wrong", ">Precision",
                ">likely+ ok", ">likely+ wrong", ">Precision", ">Recall", ">Recall likely+", ">too early");
        for (PrefixEvaluation.Tally x : tallies) {
            t.row(x.samples() == 0 ? "whole" : Integer.toString(x.samples()), x.rows(), x.positives(), x.leakTp(),
                    x.leakFp(), ratio(x.leakPrecision()), x.likelyTp(), x.likelyFp(), ratio(x.likelyPrecision()),
                    ratio(x.leakRecall()), ratio(x.likelyRecall()), x.early());
        }
        t.print(out, true);
        int unlabelled = tallies.stream().mapToInt(PrefixEvaluation.Tally::unlabelledCalls).sum();
        if (unlabelled > 0) {
            out.printf(Locale.ROOT, "(rows whose truth is unknown called likely leak or leak, over all prefixes: %d)%n",
                    unlabelled);
        }
        List<String> wrong = tallies.stream().flatMap(x -> x.falseCalls().stream()).distinct().limit(showFalse).toList();
        if (!wrong.isEmpty()) {
            out.println("Wrong calls:");
            for (String w : wrong) {
                out.println("  " + w);
            }
        }
        out.flush();
    }

    /** How long each leak took to be called, as a live view judges. */
    public static void timings(PrintWriter out, List<PrefixEvaluation.Timing> timings) {
        TextTable t = new TextTable("Series", "Row", ">likely leak after", ">leak after");
        for (PrefixEvaluation.Timing x : timings) {
            t.row(x.series(), x.row(), seconds(x.likely()), seconds(x.leak()));
        }
        t.print(out, true);
        out.flush();
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "never" : String.format(Locale.ROOT, "%.0f s", s);
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
            LeakResult r = LeakAnalysis.state(chk.series(), Integer.MAX_VALUE, LeakAnalysis.EVERY, o, chk.notes());
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
