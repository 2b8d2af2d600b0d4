package dev.pooltags.sim;

import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.pool.Block;
import dev.pooltags.pool.PoolConfig;
import dev.pooltags.pool.PoolModel;
import dev.pooltags.pool.Violation;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import dev.pooltags.tag.TagPattern;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a {@link Scenario} through a {@link PoolModel} as a discrete-event simulation in simulated microseconds:
 * Poisson allocation arrivals per workload (multiplied during bursts), frees after a lifetime drawn from the
 * workload's distribution (or never, for the leaked share), caches that fill then replace entries at a steady rate,
 * scripted unloads. The model chooses addresses and checks every rule; each event goes to the trace sink as it
 * happens, in time order. The same scenario and seed always give the same events.
 */
public final class Simulation {
    /** What a pending event does when its time comes. */
    private enum Kind {
        /** The next allocation of a workload. */
        ARRIVAL,
        /** A block's lifetime is over. */
        FREE,
        /** A cache fills or replaces an entry. */
        CACHE,
        /** A scripted event (an unload). */
        SCRIPT,
        /** A workload writes past a block. */
        OVERRUN
    }

    private final Scenario scenario;
    private final PoolModel model;
    private final Consumer<PoolEvent> trace;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final State[] states;
    private long now;
    private long seq;
    private boolean started;

    private static final class Pending implements Comparable<Pending> {
        final long time;
        final long seq;
        final Kind kind;
        final int index;
        final long address;

        Pending(long time, long seq, Kind kind, int index, long address) {
            this.time = time;
            this.seq = seq;
            this.kind = kind;
            this.index = index;
            this.address = address;
        }

        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private static final class State {
        final Scenario.Workload w;
        final SplittableRandom rng;
        final ArrayDeque<Long> cached = new ArrayDeque<>();
        final List<Long> initial = new ArrayList<>();
        boolean unloaded;

        State(Scenario.Workload w, SplittableRandom rng) {
            this.w = w;
            this.rng = rng;
        }
    }

    /**
     * @param trace      receives every event as it happens (may ignore them)
     * @param violations receives every rule broken
     */
    public Simulation(Scenario scenario, long seed, Consumer<PoolEvent> trace, Consumer<Violation> violations) {
        this.scenario = scenario;
        this.trace = trace;
        this.model = new PoolModel(PoolConfig.defaults().withComplete(true).withAlignment(scenario.alignment()), violations);
        SplittableRandom root = new SplittableRandom(seed);
        states = new State[scenario.workloads().size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new State(scenario.workloads().get(i), root.split());
        }
    }

    public PoolModel model() {
        return model;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Simulated time reached, in microseconds. */
    public long now() {
        return now;
    }

    /** Verifier settings, counters and initial allocations at time 0: done before the first event runs. */
    private void start() {
        started = true;
        for (Scenario.Verified v : scenario.verifier()) {
            emit(new PoolEvent.VerifyDriver(0, v.driver(), v.options(), 0));
        }
        for (TagPattern p : scenario.specialPoolTags()) {
            emit(new PoolEvent.SpecialPoolTag(0, p, 0));
        }
        for (int i = 0; i < states.length; i++) {
            State s = states[i];
            Scenario.Workload w = s.w;
            if (w.counterStart() != 0) {
                PoolType type = new PoolEvent.Alloc(0, w.routine(), w.pool(), w.flags(), w.tag(), 1, 0, "", "", null, 0).trackedType();
                model.tags().seed(w.tag(), type == null ? PoolType.NONPAGED : type, w.counterStart(), w.counterStart(), 0);
            }
            for (int k = 0; k < w.initial(); k++) {
                Block b = allocate(s);
                if (b != null) {
                    s.initial.add(b.address());
                }
            }
            if (w.rate() > 0) {
                schedule(interArrival(s), Kind.ARRIVAL, i, 0);
            }
            if (w.cache() != null) {
                schedule(w.cache().fill() / w.cache().capacity(), Kind.CACHE, i, 0);
            }
            if (w.overrun() != null) {
                schedule(w.overrun().every(), Kind.OVERRUN, i, 0);
            }
        }
        for (int i = 0; i < scenario.events().size(); i++) {
            schedule(scenario.events().get(i).at(), Kind.SCRIPT, i, 0);
        }
    }

    private void schedule(long at, Kind kind, int index, long address) {
        queue.add(new Pending(Math.max(at, now), seq++, kind, index, address));
    }

    private long interArrival(State s) {
        double rate = s.w.rate();
        Scenario.Burst b = s.w.burst();
        if (b != null && now % b.every() >= b.every() - b.length()) {
            rate *= b.factor();
        }
        return now + Math.max(1, Math.round(-Math.log(1 - s.rng.nextDouble()) / rate * 1e6));
    }

    /** Runs every event up to and including simulated time {@code t}. */
    public void runUntil(long t) {
        if (!started) {
            start();
        }
        while (!queue.isEmpty() && queue.peek().time <= t) {
            Pending p = queue.poll();
            now = p.time;
            switch (p.kind) {
                case ARRIVAL -> arrival(p.index);
                case FREE -> scheduledFree(p.index, p.address);
                case CACHE -> cacheStep(p.index);
                case SCRIPT -> unload(scenario.events().get(p.index).unload());
                case OVERRUN -> overrun(p.index);
            }
        }
        now = Math.max(now, t);
    }

    private void arrival(int i) {
        State s = states[i];
        if (s.unloaded) {
            return;
        }
        Block b = allocate(s);
        if (b != null && s.rng.nextDouble() >= s.w.leak()) {
            long life = s.w.lifetime().sample(s.rng);
            if (life != Distribution.NEVER) {
                schedule(now + life, Kind.FREE, i, b.address());
            }
        }
        schedule(interArrival(s), Kind.ARRIVAL, i, 0);
    }

    private Block allocate(State s) {
        Scenario.Workload w = s.w;
        long size = w.size().sample(s.rng);
        PoolEvent.Alloc a = new PoolEvent.Alloc(now, w.routine(), w.routine().takesPoolFlags() ? null : w.pool(), w.flags(), w.tag(), size,
                0, w.driver(), w.caller(), null, 0);
        Block b = model.allocate(a);
        if (b != null) {
            trace.accept(a.withAddress(b.address()));
        }
        return b;
    }

    private void scheduledFree(int i, long address) {
        if (!states[i].unloaded) {
            free(states[i], address);
        }
    }

    private void free(State s, long address) {
        Scenario.Workload w = s.w;
        PoolTag tag = null;
        if (w.freeRoutine().passesTag()) {
            tag = w.freeTag() != null && s.rng.nextDouble() < w.freeTagShare() ? w.freeTag() : w.tag();
        }
        emit(new PoolEvent.Free(now, w.freeRoutine(), tag, address, w.driver(), w.caller(), 0));
    }

    private void cacheStep(int i) {
        State s = states[i];
        Scenario.Cache c = s.w.cache();
        if (s.unloaded) {
            return;
        }
        if (s.cached.size() < c.capacity()) {
            Block b = allocate(s);
            if (b != null) {
                s.cached.add(b.address());
            }
            schedule(now + Math.max(1, c.fill() / c.capacity()), Kind.CACHE, i, 0);
        } else if (c.churn() > 0) {
            free(s, s.cached.poll());
            Block b = allocate(s);
            if (b != null) {
                s.cached.add(b.address());
            }
            schedule(now + Math.max(1, Math.round(1e6 / c.churn())), Kind.CACHE, i, 0);
        }
    }

    /** The workload allocates as usual and at once writes just past the end of the new block. */
    private void overrun(int i) {
        State s = states[i];
        if (s.unloaded) {
            return;
        }
        Block b = allocate(s);
        if (b != null) {
            long life = s.w.lifetime().sample(s.rng);
            if (life != Distribution.NEVER) {
                schedule(now + life, Kind.FREE, i, b.address());
            }
            emit(new PoolEvent.Access(now, b.address(), b.size(), s.w.overrun().bytes(), true, s.w.driver(), s.w.caller(), 0));
        }
        schedule(now + s.w.overrun().every(), Kind.OVERRUN, i, 0);
    }

    /** The driver unloads: workloads that free on unload release what they hold, the rest is left allocated. */
    private void unload(String driver) {
        String d = driver.toLowerCase(Locale.ROOT);
        List<Pending> pendingFrees = new ArrayList<>();
        for (Pending p : queue) {
            if (p.kind == Kind.FREE && states[p.index].w.driver().toLowerCase(Locale.ROOT).equals(d)) {
                pendingFrees.add(p);
            }
        }
        pendingFrees.sort(null);
        for (Pending p : pendingFrees) {
            State s = states[p.index];
            if (s.w.freeOnUnload() && !s.unloaded) {
                free(s, p.address);
            }
        }
        for (State s : states) {
            if (!s.w.driver().toLowerCase(Locale.ROOT).equals(d) || s.unloaded) {
                continue;
            }
            if (s.w.freeOnUnload()) {
                for (Long a : s.cached) {
                    free(s, a);
                }
                for (Long a : s.initial) {
                    free(s, a);
                }
            }
            s.cached.clear();
            s.initial.clear();
            s.unloaded = true;
        }
        emit(new PoolEvent.Unload(now, driver, 0));
    }

    private void emit(PoolEvent e) {
        model.apply(e);
        trace.accept(e);
    }
}
