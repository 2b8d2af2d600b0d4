package dev.pooltags.leak.eval;

import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.TagCounters;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the evaluation set: per-tag series whose true answer is known, made to be hard in the ways real pool
 * usage is hard. Every series goes through the real model ({@link TagCounters} with raw 32-bit allocation and free
 * counters, rows missing while a tag is absent), so wrap and appearance are exercised as they arrive from a source.
 *
 * <p>Leaks: slow leaks under heavy independent noise, under serially correlated noise, leaks that start during the
 * window, leaks in discrete steps (a few allocations per test iteration, iterations spaced with jitter), a leak
 * under a sawtooth working set,
 * leaks whose counters wrap at 2^32, a leak in a tag that appears during the window, and fast leaks.
 * Not leaks: caches that fill and level off (linear and exponential fill), sawtooth usage that is released,
 * one-off steps, healthy noise (independent, correlated, slowly wandering), tags that appear, grow and vanish,
 * wrapping counters over a stable level, transient bursts, and shrinking usage.
 *
 * <p>The noise level of each series is drawn first and the growth is set as a multiple of it, so "slow" and
 * "heavy noise" mean the same thing at every scale. The same seed gives the same set.
 */
public final class EvaluationSet {
    /** Scenarios and how many series each contributes. */
    public enum Scenario {
        SLOW_LEAK_HEAVY_NOISE(true, 30, "Ls"),
        SLOW_LEAK_CORRELATED_NOISE(true, 20, "Lc"),
        LEAK_AFTER_ONSET(true, 25, "Lo"),
        STAIRCASE_LEAK(true, 20, "Lt"),
        LEAK_UNDER_SAWTOOTH(true, 20, "Lw"),
        LEAK_WITH_COUNTER_WRAP(true, 15, "Lx"),
        LEAK_IN_APPEARING_TAG(true, 15, "La"),
        FAST_LEAK(true, 10, "Lf"),
        PLATEAU_CACHE_LINEAR(false, 25, "Cl"),
        PLATEAU_CACHE_EXPONENTIAL(false, 25, "Ce"),
        SAWTOOTH_RELEASED(false, 25, "Rw"),
        ONE_OFF_STEP(false, 25, "St"),
        HEALTHY_NOISE(false, 15, "Hn"),
        HEALTHY_CORRELATED_NOISE(false, 15, "Hc"),
        HEALTHY_WANDERING(false, 15, "Hw"),
        APPEAR_GROW_VANISH(false, 15, "Av"),
        STABLE_WITH_COUNTER_WRAP(false, 10, "Hx"),
        TRANSIENT_BURST(false, 10, "Tb"),
        SHRINKING(false, 10, "Sh"),
        PERIODIC_WORKING_SET(false, 15, "Pw"),
        WARM_UP(false, 20, "Wu"),
        FILL_THEN_STOP(false, 20, "Fs");

        final boolean leak;
        final int count;
        final String code;

        Scenario(boolean leak, int count, String code) {
            this.leak = leak;
            this.count = count;
            this.code = code;
        }

        /** Two letters that start the synthetic tags of this scenario ({@code Ls07}). */
        public String code() {
            return code;
        }

        public boolean leak() {
            return leak;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** True for the caches that fill and level off: none of them may be called a leak. */
        public boolean plateau() {
            return this == PLATEAU_CACHE_LINEAR || this == PLATEAU_CACHE_EXPONENTIAL || this == FILL_THEN_STOP;
        }
    }

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final int[] SAMPLES = {60, 240, 720, 1440};
    /** Sample intervals in seconds; with 60 samples the shortest series spans 5 minutes. */
    private static final int[] INTERVALS = {5, 10, 30, 60};

    private EvaluationSet() {}

    /** The whole set, scenario by scenario. */
    public static List<EvalCase> generate(long seed) {
        List<EvalCase> out = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            Random r = new Random(seed * 1_000_003L + s.ordinal());
            for (int i = 0; i < s.count; i++) {
                out.add(make(s, i, r));
            }
        }
        return out;
    }

    /** Describes how a series was drawn, so a miss can be read. */
    private static final class Draw {
        final StringBuilder words = new StringBuilder();

        Draw put(String k, double v) {
            if (words.length() > 0) {
                words.append(", ");
            }
            words.append(k).append('=').append(String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.3g", v));
            return this;
        }
    }

    static EvalCase make(Scenario s, int index, Random r) {
        int n = SAMPLES[r.nextInt(SAMPLES.length)];
        int interval = INTERVALS[r.nextInt(INTERVALS.length)];
        Track t = track(s, index, n, interval, r);
        List<Snapshot> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Snapshot(START.plusSeconds((long) i * interval), "eval", "eval:" + s.id(),
                    t.rows()[i] == null ? List.of() : List.of(t.rows()[i])));
        }
        return new EvalCase(s.id(), index, s.leak, out, "n=" + n + ", interval=" + interval + ", " + t.parameters());
    }

    /**
     * One tag's rows over n samples of one second each (the allocation churn per sample is independent of the
     * interval); a null row is a sample in which the tag is absent.
     *
     * @param tag        the synthetic tag ({@code Ls07})
     * @param rows       the row per sample
     * @param parameters how it was drawn
     */
    public record Track(PoolTag tag, TagCounters[] rows, String parameters) {}

    /** The rows of one series of a scenario, sampled every 30 s. */
    public static Track track(Scenario s, int index, int n, Random r) {
        return track(s, index, n, 30, r);
    }

    /** A duration in seconds drawn log-uniformly between lo and hi, as samples of {@code interval} (at least 1). */
    private static double samples(Random r, double lo, double hi, int interval) {
        double seconds = lo * Math.pow(hi / lo, r.nextDouble());
        return Math.max(1, seconds / interval);
    }

    /**
     * The rows of one series of a scenario, sampled every {@code interval} seconds. Leaks grow through the window
     * (a leak has no time scale of its own); the benign shapes have the time scales of real pools, in seconds: caches
     * fill in 10 s to a minute (4 minutes for those that only allocate), warm-ups have time constants of 3 to 40 s,
     * working sets cycle every 20 s to 2 minutes, wandering tags forget in 30 s to 3 minutes. A benign shape that
     * grows straight for longer than the leak gates is, by design, a leak until it stops (docs/leaks.md).
     */
    public static Track track(Scenario s, int index, int n, int interval, Random r) {
        double sigma = 5 + r.nextDouble() * 295; // noise in allocations
        double base = sigma * (20 + r.nextDouble() * 200);
        double size = 64 + r.nextInt(1985);
        Draw d = new Draw().put("sigma", sigma);
        double[] level = new double[n]; // the true outstanding count before noise
        boolean[] present = new boolean[n];
        java.util.Arrays.fill(present, true);
        double[] noise = noise(NoiseKind.IID, n, sigma, 0, r);
        boolean wrap = false;
        boolean[] allocOnly = null; // samples in which the tag only allocates (a cache filling): no frees at all
        switch (s) {
            case SLOW_LEAK_HEAVY_NOISE -> {
                double g = sigma * (6 + r.nextDouble() * 9);
                d.put("growth/sigma", g / sigma);
                ramp(level, base, 0, g);
            }
            case SLOW_LEAK_CORRELATED_NOISE -> {
                double rho = Math.exp(-1 / samples(r, 2, 60, interval));
                noise = noise(NoiseKind.AR1, n, sigma, rho, r);
                double g = sigma * (8 + r.nextDouble() * 12);
                d.put("rho", rho).put("growth/sigma", g / sigma);
                ramp(level, base, 0, g);
            }
            case LEAK_AFTER_ONSET -> {
                double onset = 0.2 + r.nextDouble() * 0.4;
                double g = sigma * (8 + r.nextDouble() * 12);
                d.put("onset", onset).put("growth/sigma", g / sigma);
                ramp(level, base, onset, g);
            }
            case STAIRCASE_LEAK -> {
                int events = 15 + r.nextInt(46);
                double per = 1 + r.nextInt(8);
                noise = noise(NoiseKind.IID, n, Math.min(sigma, events * per / 6), 0, r);
                d.put("events", events).put("perEvent", per);
                java.util.Arrays.fill(level, base);
                // one step per test iteration: iterations evenly spaced, each started with some jitter
                double spacing = (double) n / events;
                for (int e = 0; e < events; e++) {
                    int at = (int) Math.min(n - 1, Math.max(0, (e + 0.5 + 0.6 * (r.nextDouble() - 0.5)) * spacing));
                    for (int i = at; i < n; i++) {
                        level[i] += per;
                    }
                }
            }
            case LEAK_UNDER_SAWTOOTH -> {
                double amp = sigma * (10 + r.nextDouble() * 20);
                double period = n / (5 + r.nextDouble() * 5);
                double floorGrowth = amp * (0.6 + r.nextDouble() * 1.0);
                d.put("amplitude/sigma", amp / sigma).put("periods", n / period).put("floorGrowth/amp", floorGrowth / amp);
                double phase = r.nextDouble() * period;
                for (int i = 0; i < n; i++) {
                    double saw = ((i + phase) % period) / period * amp;
                    level[i] = base + floorGrowth * i / (n - 1) + saw;
                }
            }
            case LEAK_WITH_COUNTER_WRAP -> {
                wrap = true;
                double g = sigma * (8 + r.nextDouble() * 12);
                d.put("growth/sigma", g / sigma);
                ramp(level, base, 0, g);
            }
            case LEAK_IN_APPEARING_TAG -> {
                double appear = 0.1 + r.nextDouble() * 0.4;
                double g = sigma * (10 + r.nextDouble() * 15);
                d.put("appears", appear).put("growth/sigma", g / sigma);
                int a = (int) (appear * n);
                for (int i = 0; i < n; i++) {
                    present[i] = i >= a;
                    level[i] = i < a ? 0 : sigma * 3 + g * (i - a) / (double) (n - 1 - a);
                }
                noise = noise(NoiseKind.IID, n, sigma / 3, 0, r);
            }
            case FAST_LEAK -> {
                double g = sigma * (50 + r.nextDouble() * 150);
                d.put("growth/sigma", g / sigma);
                ramp(level, base, 0, g);
            }
            case PLATEAU_CACHE_LINEAR -> {
                double fillEnd = Math.min(0.6, samples(r, 10, 60, interval) / (n - 1));
                double fill = sigma * (10 + r.nextDouble() * 40);
                d.put("fillEnd", fillEnd).put("fill/sigma", fill / sigma);
                for (int i = 0; i < n; i++) {
                    double x = (double) i / (n - 1);
                    level[i] = base + fill * Math.min(1, x / fillEnd);
                }
            }
            case PLATEAU_CACHE_EXPONENTIAL -> {
                double tau = Math.min(0.12, samples(r, 3, 40, interval) / (n - 1));
                double fill = sigma * (10 + r.nextDouble() * 40);
                d.put("tau", tau).put("fill/sigma", fill / sigma);
                for (int i = 0; i < n; i++) {
                    double x = (double) i / (n - 1);
                    level[i] = base + fill * (1 - Math.exp(-x / tau));
                }
            }
            case SAWTOOTH_RELEASED -> {
                double amp = sigma * (10 + r.nextDouble() * 30);
                double period = Math.max(3, Math.min(n / 3.0, samples(r, 10, 60, interval)));
                double phase = r.nextDouble() * period;
                d.put("amplitude/sigma", amp / sigma).put("periods", n / period);
                for (int i = 0; i < n; i++) {
                    level[i] = base + ((i + phase) % period) / period * amp;
                }
            }
            case ONE_OFF_STEP -> {
                double at = 0.2 + r.nextDouble() * 0.55;
                double h = sigma * (10 + r.nextDouble() * 30);
                d.put("stepAt", at).put("step/sigma", h / sigma);
                for (int i = 0; i < n; i++) {
                    level[i] = base + ((double) i / (n - 1) >= at ? h : 0);
                }
            }
            case HEALTHY_NOISE -> java.util.Arrays.fill(level, base);
            case HEALTHY_CORRELATED_NOISE -> {
                double rho = Math.exp(-1 / samples(r, 2, 60, interval));
                d.put("rho", rho);
                noise = noise(NoiseKind.AR1, n, sigma, rho, r);
                java.util.Arrays.fill(level, base);
            }
            case HEALTHY_WANDERING -> {
                double rho = Math.exp(-1 / samples(r, 30, 180, interval));
                d.put("rho", rho);
                noise = noise(NoiseKind.AR1, n, sigma * 3, rho, r);
                java.util.Arrays.fill(level, base);
            }
            case APPEAR_GROW_VANISH -> {
                // a driver that loads, builds its working set for 10 s to a minute, holds it, and unloads
                double appear = r.nextDouble() * 0.3;
                double vanish = 0.6 + r.nextDouble() * 0.3;
                double growFor = samples(r, 10, 60, interval) / (n - 1);
                double g = sigma * (10 + r.nextDouble() * 20);
                d.put("appears", appear).put("vanishes", vanish).put("growth/sigma", g / sigma);
                int a = (int) (appear * n);
                int v = (int) (vanish * n);
                double growSamples = Math.max(1, Math.min(v - a, growFor * (n - 1)));
                for (int i = 0; i < n; i++) {
                    present[i] = i >= a && i < v;
                    level[i] = present[i] ? sigma * 3 + g * Math.min(1, (i - a) / growSamples) : 0;
                }
                noise = noise(NoiseKind.IID, n, sigma / 3, 0, r);
            }
            case STABLE_WITH_COUNTER_WRAP -> {
                wrap = true;
                java.util.Arrays.fill(level, base);
            }
            case TRANSIENT_BURST -> {
                double at = 0.2 + r.nextDouble() * 0.5;
                double len = Math.min(0.2, samples(r, 5, 60, interval) / (n - 1));
                double h = sigma * (10 + r.nextDouble() * 30);
                d.put("burstAt", at).put("length", len).put("height/sigma", h / sigma);
                for (int i = 0; i < n; i++) {
                    double x = (double) i / (n - 1);
                    level[i] = base + (x >= at && x < at + len ? h : 0);
                }
            }
            case SHRINKING -> {
                double g = sigma * (5 + r.nextDouble() * 20);
                d.put("decline/sigma", g / sigma);
                ramp(level, base + g, 0, -g);
            }
            case PERIODIC_WORKING_SET -> {
                // a working set that follows a daily or batch cycle: smooth, two to six cycles in the window
                double amp = sigma * (10 + r.nextDouble() * 30);
                double cycles = Math.max(2, (n - 1) / samples(r, 20, 120, interval));
                double phase = r.nextDouble() * 2 * Math.PI;
                d.put("amplitude/sigma", amp / sigma).put("cycles", cycles);
                for (int i = 0; i < n; i++) {
                    level[i] = base + amp * (1 + Math.sin(phase + 2 * Math.PI * cycles * i / (n - 1))) / 2;
                }
            }
            case WARM_UP -> {
                // a working set approaching its level from a start (a driver loading, a service starting): the rate
                // falls off with a time constant of 3% to 40% of the window
                double tau = Math.min(0.4, samples(r, 3, 40, interval) / (n - 1));
                double rise = sigma * (10 + r.nextDouble() * 40);
                d.put("tau", tau).put("rise/sigma", rise / sigma);
                for (int i = 0; i < n; i++) {
                    level[i] = base + rise * (1 - Math.exp(-((double) i / (n - 1)) / tau));
                }
            }
            case FILL_THEN_STOP -> {
                // a cache or table that only allocates while it fills (no frees), then holds
                double fillEnd = Math.min(0.6, samples(r, 10, 240, interval) / (n - 1));
                double fill = sigma * (20 + r.nextDouble() * 60);
                d.put("fillEnd", fillEnd).put("fill/sigma", fill / sigma);
                allocOnly = new boolean[n];
                int end = (int) (fillEnd * (n - 1));
                for (int i = 0; i < n; i++) {
                    level[i] = base + fill * Math.min(1, (double) i / Math.max(1, end));
                    allocOnly[i] = i > 0 && i <= end;
                }
                noise = new double[n]; // a fill step by step, without churn noise
            }
        }
        PoolTag tag = PoolTag.ofMemoryText(s.code + String.format(Locale.ROOT, "%02d", index % 100));
        return new Track(tag, rows(tag, level, noise, present, size, wrap, allocOnly, r), d.words.toString());
    }

    private static void ramp(double[] level, double base, double onset, double growth) {
        int n = level.length;
        int a = (int) (onset * (n - 1));
        for (int i = 0; i < n; i++) {
            level[i] = base + (i <= a ? 0 : growth * (i - a) / (double) (n - 1 - a));
        }
    }

    enum NoiseKind { IID, AR1 }

    /** Gaussian noise with marginal standard deviation sigma, independent or AR(1) with coefficient rho. */
    static double[] noise(NoiseKind kind, int n, double sigma, double rho, Random r) {
        double[] e = new double[n];
        if (kind == NoiseKind.IID) {
            for (int i = 0; i < n; i++) {
                e[i] = sigma * r.nextGaussian();
            }
            return e;
        }
        double innov = sigma * Math.sqrt(1 - rho * rho);
        e[0] = sigma * r.nextGaussian();
        for (int i = 1; i < n; i++) {
            e[i] = rho * e[i - 1] + innov * r.nextGaussian();
        }
        return e;
    }

    /**
     * Turns the outstanding count into raw rows: allocations since boot grow by the churn plus any rise, frees follow
     * so that allocs - frees is the count; both are kept modulo 2^32 as Windows reports them. Bytes are the count
     * times the average size with a little size variation.
     */
    private static TagCounters[] rows(PoolTag tag, double[] level, double[] noise, boolean[] present, double size,
            boolean wrap, boolean[] allocOnly, Random r) {
        int n = level.length;
        PoolType type = r.nextBoolean() ? PoolType.PAGED : PoolType.NONPAGED;
        long allocs = wrap ? TagCounters.COUNTER_MODULUS - 1 - r.nextInt(1_000_000) : r.nextInt(1_000_000);
        double churn = 1 + r.nextInt(500);
        TagCounters[] out = new TagCounters[n];
        long prevCount = 0;
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                long count = Math.max(0, Math.round(level[i] + noise[i]));
                long rise = Math.max(0, count - prevCount);
                long turnover = allocOnly != null && allocOnly[i] ? 0 : Math.round(churn * (0.5 + r.nextDouble()));
                if (wrap) {
                    turnover += 120_000_000L; // enough traffic to pass 2^32 during the window
                }
                allocs += rise + turnover;
                long frees = allocs - count;
                long bytes = Math.max(0, Math.round(count * size * (1 + 0.02 * r.nextGaussian())));
                out[i] = TagCounters.of(tag, type, allocs % TagCounters.COUNTER_MODULUS,
                        Math.floorMod(frees, TagCounters.COUNTER_MODULUS), bytes);
                prevCount = count;
            } else {
                prevCount = 0;
            }
        }
        return out;
    }
}
