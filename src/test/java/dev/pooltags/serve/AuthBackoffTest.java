package dev.pooltags.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthBackoffTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AuthBackoff backoff = new AuthBackoff(now::get);

    private static InetAddress ip(int last) throws Exception {
        return InetAddress.getByAddress(new byte[] {10, 0, (byte) (last >> 8), (byte) last});
    }

    private void advanceSeconds(long s) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(s));
    }

    @Test
    void fiveFreeThenDoublingWaitsUpToTheCap() throws Exception {
        InetAddress a = ip(1);
        for (int i = 0; i < AuthBackoff.FREE_FAILURES - 1; i++) {
            backoff.failed(a);
            assertThat(backoff.secondsToWait(a)).isZero();
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long e : expected) {
            backoff.failed(a);
            assertThat(backoff.secondsToWait(a)).isEqualTo(e);
            advanceSeconds(e);
            assertThat(backoff.secondsToWait(a)).isZero();
        }
    }

    @Test
    void waitsRoundUpAndOthersNeverWait() throws Exception {
        InetAddress a = ip(1);
        for (int i = 0; i < AuthBackoff.FREE_FAILURES + 2; i++) {
            backoff.failed(a);
        }
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(3500));
        assertThat(backoff.secondsToWait(a)).isEqualTo(1); // 0.5 s left
        assertThat(backoff.secondsToWait(ip(2))).isZero();
    }

    @Test
    void forgottenAfterQuietMinutes() throws Exception {
        InetAddress a = ip(1);
        for (int i = 0; i < 10; i++) {
            backoff.failed(a);
        }
        advanceSeconds(TimeUnit.MINUTES.toSeconds(AuthBackoff.FORGET_MINUTES) + 1);
        backoff.failed(a);
        assertThat(backoff.secondsToWait(a)).as("a fresh count: the first failure is free").isZero();
    }

    @Test
    void tableIsBounded() throws Exception {
        for (int i = 0; i < 5000; i++) {
            backoff.failed(ip(i));
            now.incrementAndGet();
        }
        assertThat(backoff.size()).isLessThanOrEqualTo(4096);
        backoff.failed(ip(4999));
        assertThat(backoff.size()).isLessThanOrEqualTo(4096);
    }
}
