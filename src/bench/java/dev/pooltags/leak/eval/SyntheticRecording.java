package dev.pooltags.leak.eval;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A whole machine's worth of synthetic tags in one series: many tags sampled together, each following one
 * scenario of the {@link EvaluationSet}. Used by the benchmark (3,000 tags) and by tests that need a recording
 * with a leak, a cache and healthy tags side by side. Until the simulator's scenarios are wired in, this is the
 * stand-in for a machine.
 */
public final class SyntheticRecording {
    /** What the mix of scenarios is: one share per scenario (they need not sum to 1). */
    public record Mix(double[] shares) {
        /** Mostly healthy tags, as on a real machine: 2% leaks of every kind, caches, sawtooth, steps. */
        public static Mix machine() {
            double[] w = new double[EvaluationSet.Scenario.values().length];
            for (EvaluationSet.Scenario s : EvaluationSet.Scenario.values()) {
                w[s.ordinal()] = switch (s) {
                    case HEALTHY_NOISE -> 0.40;
                    case HEALTHY_CORRELATED_NOISE -> 0.25;
                    case HEALTHY_WANDERING -> 0.10;
                    case PLATEAU_CACHE_LINEAR, PLATEAU_CACHE_EXPONENTIAL, SAWTOOTH_RELEASED, ONE_OFF_STEP -> 0.04;
                    case APPEAR_GROW_VANISH, TRANSIENT_BURST, SHRINKING, STABLE_WITH_COUNTER_WRAP -> 0.01;
                    default -> 0.0025; // each leak kind
                };
            }
            return new Mix(w);
        }
    }

    private SyntheticRecording() {}

    /** {@code tags} tags over {@code samples} samples taken every {@code interval} seconds. */
    public static List<Snapshot> generate(int tags, int samples, int interval, long seed, Mix mix) {
        Random r = new Random(seed);
        EvaluationSet.Scenario[] all = EvaluationSet.Scenario.values();
        double total = 0;
        for (double w : mix.shares()) {
            total += w;
        }
        List<TagCounters[]> tracks = new ArrayList<>(tags);
        int[] perScenario = new int[all.length];
        for (int k = 0; k < tags; k++) {
            double pick = r.nextDouble() * total;
            int s = 0;
            while (s < all.length - 1 && pick >= mix.shares()[s]) {
                pick -= mix.shares()[s];
                s++;
            }
            tracks.add(rename(EvaluationSet.track(all[s], perScenario[s]++, samples, interval, r).rows(), all[s], perScenario[s] - 1));
        }
        return merge(tracks, samples, interval, "synthetic");
    }

    /** Specific scenarios, one tag each, in one series. */
    public static List<Snapshot> of(List<EvaluationSet.Scenario> scenarios, int samples, int interval, long seed) {
        Random r = new Random(seed);
        List<TagCounters[]> tracks = new ArrayList<>();
        int i = 0;
        for (EvaluationSet.Scenario s : scenarios) {
            tracks.add(EvaluationSet.track(s, i++, samples, interval, r).rows());
        }
        return merge(tracks, samples, interval, "synthetic");
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = LETTERS + "0123456789";

    /** Tags beyond 100 per scenario become a letter and a letter or digit (Hnb7), so every tag stays distinct. */
    private static TagCounters[] rename(TagCounters[] rows, EvaluationSet.Scenario s, int index) {
        if (index < 100) {
            return rows;
        }
        int k = index - 100;
        String text = s.code() + LETTERS.charAt((k / ALNUM.length()) % LETTERS.length()) + ALNUM.charAt(k % ALNUM.length());
        dev.pooltags.tag.PoolTag tag = dev.pooltags.tag.PoolTag.ofMemoryText(text);
        TagCounters[] out = new TagCounters[rows.length];
        for (int i = 0; i < rows.length; i++) {
            TagCounters x = rows[i];
            out[i] = x == null ? null : TagCounters.of(tag, x.type(), x.allocs(), x.frees(), x.bytes());
        }
        return out;
    }

    private static List<Snapshot> merge(List<TagCounters[]> tracks, int samples, int interval, String source) {
        Instant start = Instant.parse("2026-01-05T08:00:00Z");
        List<Snapshot> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            List<TagCounters> rows = new ArrayList<>(tracks.size());
            for (TagCounters[] t : tracks) {
                if (t[i] != null) {
                    rows.add(t[i]);
                }
            }
            out.add(new Snapshot(start.plusSeconds((long) i * interval), "synthetic-host", source, rows));
        }
        return out;
    }
}
