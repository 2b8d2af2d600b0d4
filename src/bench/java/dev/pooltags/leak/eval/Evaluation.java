package dev.pooltags.leak.eval;

import dev.pooltags.leak.LeakAnalysis;
import dev.pooltags.leak.LeakOptions;
import dev.pooltags.leak.LeakResult;
import dev.pooltags.leak.TagVerdict;
import dev.pooltags.leak.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the analysis over an evaluation set and counts verdicts against the truth: precision and recall of the
 * "leak" verdict (and of "leak or likely leak"), per scenario and overall, and every miss with its explanation.
 */
public final class Evaluation {
    /** One series' outcome. */
    public record Outcome(EvalCase c, TagVerdict verdict) {
        public boolean calledLeak() {
            return verdict.verdict() == Verdict.LEAK;
        }

        public boolean calledLikely() {
            return verdict.verdict().atLeast(Verdict.LIKELY_LEAK);
        }
    }

    /** Verdict counts of one scenario. */
    public record ScenarioTally(String scenario, boolean leak, Map<Verdict, Integer> verdicts, int total) {
        /** Share of the series given the right answer for the "leak" verdict. */
        public double accuracy() {
            int right = leak ? verdicts.get(Verdict.LEAK) : total - verdicts.get(Verdict.LEAK);
            return total == 0 ? 1 : (double) right / total;
        }
    }

    /**
     * The figures.
     *
     * @param outcomes        every series
     * @param scenarios       per scenario, in set order
     * @param precision       of "leak": leaks called that are leaks
     * @param recall          of "leak": leaks that were called leaks
     * @param likelyPrecision of "leak or likely leak"
     * @param likelyRecall    of "leak or likely leak"
     * @param plateausCalledLeak plateauing caches called "leak"
     */
    public record Report(List<Outcome> outcomes, List<ScenarioTally> scenarios, double precision, double recall,
            double likelyPrecision, double likelyRecall, int plateausCalledLeak) {
        public int positives() {
            return (int) outcomes.stream().filter(o -> o.c().leak()).count();
        }

        /** Series whose "leak" call was wrong. */
        public List<Outcome> misses() {
            return outcomes.stream().filter(o -> o.calledLeak() != o.c().leak()).toList();
        }
    }

    private Evaluation() {}

    public static Report run(List<EvalCase> cases, LeakOptions options) {
        List<Outcome> outcomes = new ArrayList<>(cases.size());
        for (EvalCase c : cases) {
            LeakResult r = LeakAnalysis.state(c.snapshots(), Integer.MAX_VALUE, LeakAnalysis.EVERY, options, List.of());
            if (r.ranked().size() != 1) {
                throw new IllegalStateException(c.name() + ": expected one tag, got " + r.ranked().size());
            }
            outcomes.add(new Outcome(c, r.ranked().get(0)));
        }
        Map<String, List<Outcome>> by = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            by.computeIfAbsent(o.c().scenario(), k -> new ArrayList<>()).add(o);
        }
        List<ScenarioTally> tallies = new ArrayList<>();
        for (Map.Entry<String, List<Outcome>> e : by.entrySet()) {
            Map<Verdict, Integer> v = new EnumMap<>(Verdict.class);
            for (Verdict x : Verdict.values()) {
                v.put(x, 0);
            }
            for (Outcome o : e.getValue()) {
                v.merge(o.verdict().verdict(), 1, Integer::sum);
            }
            tallies.add(new ScenarioTally(e.getKey(), e.getValue().get(0).c().leak(), v, e.getValue().size()));
        }
        double[] leak = precisionRecall(outcomes, Outcome::calledLeak);
        double[] likely = precisionRecall(outcomes, Outcome::calledLikely);
        int plateaus = (int) outcomes.stream().filter(o -> o.calledLeak() && o.c().scenario().startsWith("plateau")).count();
        return new Report(outcomes, tallies, leak[0], leak[1], likely[0], likely[1], plateaus);
    }

    /** Precision and recall of calling a series a leak by {@code called}. */
    private static double[] precisionRecall(List<Outcome> outcomes, java.util.function.Predicate<Outcome> called) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Outcome o : outcomes) {
            boolean c = called.test(o);
            if (c && o.c().leak()) {
                tp++;
            } else if (c) {
                fp++;
            } else if (o.c().leak()) {
                fn++;
            }
        }
        return new double[] {ratio(tp, tp + fp), ratio(tp, tp + fn)};
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
