package dev.pooltags.serve;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed basic-auth attempts counted per client address, with back-off: after {@value #FREE_FAILURES} wrong
 * passwords the address waits 1 second before it may try again, and each further failure doubles the wait, up to
 * {@value #MAX_WAIT_SECONDS} seconds. While it waits, its requests are answered 429 with {@code Retry-After} and no
 * password is checked (so guessing costs no bcrypt work either). Other addresses are never slowed: a right password
 * from another address is served at once.
 *
 * <p>A success does not wipe the count (a guesser sharing an address with a legitimate scraper would otherwise get
 * fresh tries after every scrape); an address with no failure for {@value #FORGET_MINUTES} minutes is forgotten.
 * The table is bounded: when it is full the address that failed longest ago is dropped.
 */
public final class AuthBackoff {
    static final int FREE_FAILURES = 5;
    static final int MAX_WAIT_SECONDS = 60;
    static final int FORGET_MINUTES = 15;
    private static final int MAX_CLIENTS = 4096;

    private static final class Entry {
        int failures;
        long lastFailure;
        long blockedUntil;
    }

    private final LongSupplier nanoTime;
    private final Map<InetAddress, Entry> clients = new HashMap<>();

    public AuthBackoff(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Seconds the client must wait before its next attempt (rounded up), 0 when it may try now. */
    public synchronized long secondsToWait(InetAddress client) {
        Entry e = clients.get(client);
        if (e == null) {
            return 0;
        }
        long left = e.blockedUntil - nanoTime.getAsLong();
        return left > 0 ? (left + 999_999_999L) / 1_000_000_000L : 0;
    }

    /** Counts a wrong password (or user) from the client. */
    public synchronized void failed(InetAddress client) {
        long now = nanoTime.getAsLong();
        Entry e = clients.get(client);
        if (e != null && now - e.lastFailure > TimeUnit.MINUTES.toNanos(FORGET_MINUTES)) {
            e = null;
        }
        if (e == null) {
            if (clients.size() >= MAX_CLIENTS) {
                makeRoom(now);
            }
            e = new Entry();
            clients.put(client, e);
        }
        e.failures++;
        e.lastFailure = now;
        if (e.failures >= FREE_FAILURES) {
            int doublings = Math.min(30, e.failures - FREE_FAILURES);
            long wait = Math.min(MAX_WAIT_SECONDS, 1L << doublings);
            e.blockedUntil = now + TimeUnit.SECONDS.toNanos(wait);
        }
    }

    /** Addresses with failures on record (for tests of the bound). */
    public synchronized int size() {
        return clients.size();
    }

    private void makeRoom(long now) {
        clients.values().removeIf(x -> now - x.lastFailure > TimeUnit.MINUTES.toNanos(FORGET_MINUTES));
        if (clients.size() < MAX_CLIENTS) {
            return;
        }
        InetAddress oldest = null;
        long oldestTime = 0;
        for (Map.Entry<InetAddress, Entry> x : clients.entrySet()) {
            if (oldest == null || x.getValue().lastFailure - oldestTime < 0) {
                oldest = x.getKey();
                oldestTime = x.getValue().lastFailure;
            }
        }
        clients.remove(oldest);
    }
}
