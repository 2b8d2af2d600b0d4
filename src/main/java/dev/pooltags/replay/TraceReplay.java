package dev.pooltags.replay;

import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.pool.Block;
import dev.pooltags.pool.DriverStats;
import dev.pooltags.pool.PoolConfig;
import dev.pooltags.pool.PoolModel;
import dev.pooltags.pool.Violation;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.trace.TraceProblem;
import dev.pooltags.trace.TraceReader;
import dev.pooltags.trace.TraceTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replays a trace through a {@link PoolModel} in one pass and keeps only what the answer needs: the model's
 * outstanding blocks, per-group statistics of fixed size (a 64-bucket history of each group's outstanding count and a
 * histogram of lifetimes), and at most {@code maxListed} violations and problems (all of them are counted).
 *
 * <p>Leak suspects are groups (tag, pool, caller, driver) whose outstanding allocations grew steadily over the second
 * half of the trace: in both of its quarters, and by more than four times the fluctuation a stable population of that
 * size would show (the square root of twice its mean), with at least three of them older than ten times the group's
 * 99th-percentile lifetime. A lookaside-style cache that filled and then plateaued does not grow in the second half; a
 * transient burst does not grow in both quarters. A driver that unloaded with allocations outstanding leaks all of them.
 */
public final class TraceReplay {
    private static final int BUCKETS = 64;
    private static final long FIRST_BUCKET_WIDTH = 1_000_000;
    private static final long MIN_STALE = 1_000_000;

    private final TraceReader reader;
    private final Options options;
    private PoolModel model;
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Long> violationsByRule = new TreeMap<>();
    private final List<TraceProblem> problems = new ArrayList<>();
    private final Map<String, Long> problemsByKind = new TreeMap<>();
    private final Map<GroupKey, Group> groups = new HashMap<>();
    private final long[] classCounts = new long[4];
    private final long[] classBytes = new long[4];
    private long violationCount;
    private long problemCount;
    private long events;
    private long allocs;
    private long frees;
    private long unloads;
    private long accesses;
    private long settings;
    private long t0 = -1;
    private long lastTime = -1;
    private long width = FIRST_BUCKET_WIDTH;
    private boolean timed;

    /**
     * How to replay.
     *
     * @param config     the model's configuration (its {@code complete} is also set when the trace says so)
     * @param windowFrom start of the lifetime window (microseconds since the trace began)
     * @param windowTo   end of the window, or -1 for the end of the trace
     * @param maxListed  how many violations and problems to keep in full
     * @param settings   verifier settings to apply before the first event
     */
    public record Options(PoolConfig config, long windowFrom, long windowTo, int maxListed, List<PoolEvent> settings) {
        public Options {
            settings = List.copyOf(settings);
        }

        public static Options defaults() {
            return new Options(PoolConfig.defaults(), 0, -1, 100, List.of());
        }
    }

    private record GroupKey(PoolTag tag, PoolType type, String caller, String driver) {
        static GroupKey of(Block b) {
            return new GroupKey(b.tag(), b.tracked(), b.caller(), b.driver());
        }
    }

    /** Per-group history of fixed size. */
    private static final class Group {
        final long[] net = new long[BUCKETS];
        final int[] lifetimes = new int[64];
        long freed;

        void merge() {
            for (int i = 0; i < BUCKETS / 2; i++) {
                net[i] = net[2 * i] + net[2 * i + 1];
            }
            Arrays.fill(net, BUCKETS / 2, BUCKETS, 0);
        }

        /** Upper bound of the lifetime bucket holding the 99th percentile, in microseconds. */
        long lifetime99() {
            long need = (long) Math.ceil(freed * 0.99);
            long seen = 0;
            for (int i = 0; i < lifetimes.length; i++) {
                seen += lifetimes[i];
                if (seen >= need && seen > 0) {
                    return i >= 62 ? Long.MAX_VALUE / 4 : 1L << (i + 1);
                }
            }
            return 0;
        }
    }

    private TraceReplay(TraceReader reader, Options options) {
        this.reader = reader;
        this.options = options;
    }

    /** The model, made when the first event has been read (a JSON header may have said the trace is complete). */
    private PoolModel model() {
        if (model == null) {
            PoolConfig config = options.config();
            if (reader.complete() && !config.complete()) {
                config = config.withComplete(true);
            }
            model = new PoolModel(config, this::violation);
            for (PoolEvent s : options.settings()) {
                model.apply(s);
            }
        }
        return model;
    }

    /**
     * Replays the events of the reader {@code open} makes; problems the reader reports, while opening or reading, are
     * counted and listed with the replay's own.
     */
    public static TraceAnalysis run(String name, Function<Consumer<TraceProblem>, TraceReader> open,
            Options options) {
        List<TraceProblem> early = new ArrayList<>();
        TraceReplay[] self = new TraceReplay[1];
        TraceReader reader = open.apply(p -> {
            if (self[0] == null) {
                early.add(p);
            } else {
                self[0].problem(p);
            }
        });
        try (reader) {
            TraceReplay r = new TraceReplay(reader, options);
            self[0] = r;
            for (TraceProblem p : early) {
                r.problem(p);
            }
            return r.replay(name);
        }
    }

    private void violation(Violation v) {
        violationCount++;
        violationsByRule.merge(v.rule().id(), 1L, Long::sum);
        if (violations.size() < options.maxListed()) {
            violations.add(v);
        }
    }

    private void problem(TraceProblem p) {
        problemCount++;
        problemsByKind.merge(p.kind(), 1L, Long::sum);
        if (problems.size() < options.maxListed()) {
            problems.add(p);
        }
    }

    private TraceAnalysis replay(String file) {
        PoolEvent e;
        while ((e = reader.next()) != null) {
            model();
            events++;
            long t = e.time();
            if (t >= 0) {
                if (t0 < 0) {
                    t0 = t;
                }
                timed = true;
                if (t < lastTime) {
                    problem(new TraceProblem(e.line(), "out-of-order", "event at " + TraceTime.format(t) + " comes after one at "
                            + TraceTime.format(lastTime) + " (out of time order); replayed where it stands"));
                } else {
                    lastTime = t;
                }
            }
            if (e instanceof PoolEvent.Alloc a) {
                allocate(a);
            } else if (e instanceof PoolEvent.Free f) {
                free(f);
            } else {
                if (e instanceof PoolEvent.Unload) {
                    unloads++;
                } else if (e instanceof PoolEvent.Access) {
                    accesses++;
                } else {
                    settings++;
                }
                model.apply(e);
            }
        }
        return result(file);
    }

    private void allocate(PoolEvent.Alloc a) {
        allocs++;
        Block b;
        try {
            b = model.allocate(a);
        } catch (IllegalStateException reused) {
            Block old = model.discard(a.address());
            problem(new TraceProblem(a.line(), "reused-address", String.format("allocation at 0x%X, which is still allocated since line %d"
                    + " (tag %s): the free was lost; the old block is dropped", a.address(), old.line(), old.tag())));
            group(old).net[bucket(old.time())]--;
            b = model.allocate(a);
        }
        if (b != null) {
            group(b).net[bucket(b.time())]++;
        }
    }

    private void free(PoolEvent.Free f) {
        frees++;
        Block b = model.free(f);
        long t = f.time();
        if (b == null) {
            if (!model.config().complete()) {
                problem(new TraceProblem(f.line(), "unknown-free", String.format("free of 0x%X, which the trace never allocated "
                        + "(allocated before the trace began?)", f.address())));
                if (inWindow(t)) {
                    classCounts[LifetimeClass.AOFI.ordinal()]++;
                } else if (afterWindow(t)) {
                    classCounts[LifetimeClass.AOFO.ordinal()]++;
                }
            }
            return;
        }
        if (f.routine() == FreeRoutine.UNKNOWN && f.tag() != null && !f.tag().unprotected().equals(b.tag().unprotected())) {
            problem(new TraceProblem(f.line(), "tag-disagrees", String.format("the free of 0x%X names tag %s, but the block was allocated "
                    + "with tag %s at line %d", f.address(), f.tag(), b.tag(), b.line())));
        }
        Group g = group(b);
        g.net[bucket(t >= 0 ? t : b.time())]--;
        if (t >= 0 && b.time() >= 0) {
            long life = Math.max(0, t - b.time());
            g.lifetimes[63 - Long.numberOfLeadingZeros(Math.max(1, life))]++;
            g.freed++;
            classify(b, t);
        }
    }

    /** Recently used groups by tag and pool, so most events find theirs without building a key. */
    private final Object[][] groupCache = new Object[256][];

    private Group group(Block b) {
        int slot = (b.tag().value() * 31 + (b.tracked() == null ? 0 : b.tracked().ordinal() + 1)) & (groupCache.length - 1);
        Object[] c = groupCache[slot];
        if (c != null && ((PoolTag) c[0]).value() == b.tag().value() && c[3] == b.tracked() && c[1].equals(b.caller())
                && c[2].equals(b.driver())) {
            return (Group) c[4];
        }
        Group g = groups.computeIfAbsent(GroupKey.of(b), k -> new Group());
        groupCache[slot] = new Object[] {b.tag(), b.caller(), b.driver(), b.tracked(), g};
        return g;
    }

    /** The history bucket of a time, widening every group's buckets when the trace outgrows them. */
    private int bucket(long t) {
        if (t < 0 || t0 < 0) {
            return 0;
        }
        long i = (t - t0) / width;
        while (i >= BUCKETS) {
            for (Group g : groups.values()) {
                g.merge();
            }
            width *= 2;
            i = (t - t0) / width;
        }
        return (int) Math.max(0, i);
    }

    private boolean inWindow(long t) {
        return t >= options.windowFrom() && (options.windowTo() < 0 || t <= options.windowTo());
    }

    private boolean afterWindow(long t) {
        return options.windowTo() >= 0 && t > options.windowTo();
    }

    private void classify(Block b, long freeTime) {
        boolean allocIn = inWindow(b.time());
        boolean freeIn = inWindow(freeTime);
        LifetimeClass c = null;
        if (allocIn && freeIn) {
            c = LifetimeClass.AIFI;
        } else if (allocIn && afterWindow(freeTime)) {
            c = LifetimeClass.AIFO;
        } else if (b.time() < options.windowFrom() && freeIn) {
            c = LifetimeClass.AOFI;
        } else if (b.time() < options.windowFrom() && afterWindow(freeTime)) {
            c = LifetimeClass.AOFO;
        }
        if (c != null) {
            classCounts[c.ordinal()]++;
            classBytes[c.ordinal()] += b.size();
        }
    }

    private TraceAnalysis result(String file) {
        model();
        long end = lastTime;
        Map<GroupKey, long[]> out = new HashMap<>();
        Map<GroupKey, List<Block>> byGroup = new HashMap<>();
        long[] totals = new long[2];
        model.forEachOutstanding(b -> {
            GroupKey k = GroupKey.of(b);
            long[] agg = out.computeIfAbsent(k, x -> new long[] {0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            agg[0]++;
            agg[1] += b.size();
            agg[2] += b.charged();
            agg[3] = Math.min(agg[3], b.time());
            agg[4] = Math.max(agg[4], b.time());
            totals[0]++;
            totals[1] += b.size();
            byGroup.computeIfAbsent(k, x -> new ArrayList<>()).add(b);
            if (timed && b.time() >= 0) {
                if (inWindow(b.time())) {
                    classCounts[LifetimeClass.AIFO.ordinal()]++;
                    classBytes[LifetimeClass.AIFO.ordinal()] += b.size();
                } else if (b.time() < options.windowFrom()) {
                    classCounts[LifetimeClass.AOFO.ordinal()]++;
                    classBytes[LifetimeClass.AOFO.ordinal()] += b.size();
                }
            }
        });
        List<TraceAnalysis.OutstandingGroup> outstanding = new ArrayList<>();
        out.forEach((k, a) -> outstanding.add(new TraceAnalysis.OutstandingGroup(k.tag(), k.type(), k.caller(), k.driver(), a[0], a[1], a[2],
                a[3], a[4])));
        outstanding.sort(Comparator.comparingLong(TraceAnalysis.OutstandingGroup::bytes).reversed()
                .thenComparing(TraceAnalysis.OutstandingGroup::tag).thenComparing(g -> g.caller() + "\u0000" + g.driver()));

        List<TraceAnalysis.LeakSuspect> leaks = new ArrayList<>();
        for (Map.Entry<GroupKey, List<Block>> en : byGroup.entrySet()) {
            TraceAnalysis.LeakSuspect s = suspect(en.getKey(), en.getValue(), end);
            if (s != null) {
                leaks.add(s);
            }
        }
        leaks.sort(Comparator.comparingLong(TraceAnalysis.LeakSuspect::bytes).reversed().thenComparing(TraceAnalysis.LeakSuspect::tag));

        TraceAnalysis.Lifetimes lifetimes = null;
        if (timed) {
            Map<LifetimeClass, Long> c = new EnumMap<>(LifetimeClass.class);
            Map<LifetimeClass, Long> by = new EnumMap<>(LifetimeClass.class);
            for (LifetimeClass lc : LifetimeClass.values()) {
                c.put(lc, classCounts[lc.ordinal()]);
                by.put(lc, classBytes[lc.ordinal()]);
            }
            lifetimes = new TraceAnalysis.Lifetimes(options.windowFrom(), options.windowTo(), c, by);
        }
        List<TraceAnalysis.DriverSummary> drivers = new ArrayList<>();
        for (DriverStats d : model.drivers()) {
            if (d.isVerified() || d.isUnloaded()) {
                List<String> opts = new ArrayList<>();
                d.options().stream().sorted().forEach(o -> opts.add(o.label()));
                drivers.add(new TraceAnalysis.DriverSummary(d.name(), opts, d.outstanding(), d.isUnloaded()));
            }
        }
        return new TraceAnalysis(file, reader.format(), new LinkedHashMap<>(reader.info()), model.config().complete(),
                new TraceAnalysis.Counts(events, allocs, frees, unloads, accesses, settings), reader.skipped(), timed ? t0 : -1,
                lastTime, List.copyOf(violations), violationCount, violationsByRule, sortedProblems(), problemCount, problemsByKind,
                outstanding, totals[0], totals[1], new TraceAnalysis.BigPool(model.bigPoolAllocations(), model.bigPoolBytes()), lifetimes, leaks,
                drivers, model.tags().rows());
    }

    /** Problems in line order (a reader that looks ahead, for stacks, reports some a line late). */
    private List<TraceProblem> sortedProblems() {
        List<TraceProblem> p = new ArrayList<>(problems);
        p.sort(Comparator.comparingLong(TraceProblem::line));
        return List.copyOf(p);
    }

    private TraceAnalysis.LeakSuspect suspect(GroupKey k, List<Block> blocks, long end) {
        if (!k.driver().isEmpty() && model.driverStats(k.driver()).isUnloaded()) {
            return leak(k, blocks, 0, k.driver() + " unloaded without freeing them");
        }
        Group g = groups.get(k);
        if (g == null || !timed || end < 0) {
            return null;
        }
        int nb = (int) Math.min(BUCKETS, (end - t0) / width + 1);
        if (nb < 4) {
            return null;
        }
        long[] level = new long[nb];
        long run = 0;
        for (int i = 0; i < nb; i++) {
            run += g.net[i];
            level[i] = run;
        }
        int mid = nb / 2 - 1;
        int q3 = (3 * nb) / 4 - 1;
        long a = level[q3] - level[mid];
        long b = level[nb - 1] - level[q3];
        long growth = level[nb - 1] - level[mid];
        double mean = 0;
        for (int i = mid; i < nb; i++) {
            mean += level[i];
        }
        mean /= nb - mid;
        double noise = Math.sqrt(2 * Math.max(1, mean));
        if (a <= 0 || b <= 0 || growth < Math.max(5, 4 * noise)) {
            return null;
        }
        long stale = Math.max(MIN_STALE, g.freed >= 10 ? Math.min(Long.MAX_VALUE / 20, g.lifetime99()) * 10 : MIN_STALE);
        List<Block> old = new ArrayList<>();
        for (Block bl : blocks) {
            if (bl.time() >= 0 && end - bl.time() > stale) {
                old.add(bl);
            }
        }
        if (old.size() < 3) {
            return null;
        }
        double halfMinutes = (end - (t0 + (mid + 1) * width)) / 60e6;
        double perMinute = halfMinutes > 0 ? growth / halfMinutes : 0;
        return leak(k, old, perMinute, String.format("outstanding allocations grew by %d over the second half of the trace, in both "
                + "quarters; %d are older than %s", growth, old.size(), TraceTime.human(stale)));
    }

    private static TraceAnalysis.LeakSuspect leak(GroupKey k, List<Block> blocks, double perMinute, String reason) {
        long bytes = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Block b : blocks) {
            bytes += b.size();
            first = Math.min(first, b.time());
            last = Math.max(last, b.time());
        }
        return new TraceAnalysis.LeakSuspect(k.tag(), k.type(), k.caller(), k.driver(), blocks.size(), bytes, first, last, perMinute, reason);
    }
}
