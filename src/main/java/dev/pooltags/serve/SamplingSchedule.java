package dev.pooltags.serve;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Calls {@link PoolSampler#sample()} every interval on one daemon thread until the source is exhausted or the
 * schedule is closed. A failing sample is logged (the first failure with a given message, then every 100th, so a
 * source that stays broken does not flood the log) and the schedule goes on.
 */
public final class SamplingSchedule implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final PoolSampler sampler;
    private final Consumer<String> log;
    private String lastError;
    private long repeats;

    private SamplingSchedule(PoolSampler sampler, Consumer<String> log) {
        this.sampler = sampler;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pooltags-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sampling; the first sample comes one interval from now (the caller has taken one already). */
    public static SamplingSchedule start(PoolSampler sampler, Duration interval, Consumer<String> log) {
        SamplingSchedule s = new SamplingSchedule(sampler, log);
        long ms = Math.max(1, interval.toMillis());
        s.timer.scheduleAtFixedRate(s::tick, ms, ms, TimeUnit.MILLISECONDS);
        return s;
    }

    private void tick() {
        try {
            if (!sampler.sample()) {
                log.accept("the source " + sampler.source().name() + " has no more samples; serving its last one");
                timer.shutdown();
            }
            lastError = null;
        } catch (RuntimeException e) { // NOPMD: the schedule must survive a failing source
            String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (!msg.equals(lastError) || ++repeats % 100 == 0) {
                log.accept("sampling failed (the previous sample stays published): " + msg);
                if (!msg.equals(lastError)) {
                    repeats = 0;
                }
            }
            lastError = msg;
        }
    }

    /** True while samples are still being taken. */
    public boolean running() {
        return !timer.isShutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
