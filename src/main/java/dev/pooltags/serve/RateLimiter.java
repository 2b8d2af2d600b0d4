package dev.pooltags.serve;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: {@code perSecond} requests a second on average, bursts of up to
 * {@code burst}. The table of clients is bounded: when it is full, buckets that have refilled completely (idle
 * clients) are dropped.
 */
public final class RateLimiter {
    private static final int MAX_CLIENTS = 4096;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perSecond <= 0} turns limiting off. */
    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** True when the client may make a request now (and counts it). */
    public boolean tryAcquire(InetAddress client) {
        if (perSecond <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() >= MAX_CLIENTS) {
            buckets.values().removeIf(b -> {
                synchronized (b) {
                    return b.tokens + (now - b.last) / 1e9 * perSecond >= burst;
                }
            });
        }
        Bucket b = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * perSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
