package dev.pooltags.cli;

import java.io.PrintWriter;
import java.util.function.IntConsumer;

/**
 * A one-line progress counter on stderr ("scanning 120/480 files"), shown only when stderr is a terminal
 * ({@code System.console() != null}) so pipes and files get results only. Updates at most ten times a second.
 */
final class Progress {
    private static volatile long last;
    private static volatile boolean shown;

    private Progress() {}

    static IntConsumer on(PrintWriter err, int total, String verb) {
        if (System.console() == null || total < 2) {
            return n -> { };
        }
        return n -> {
            long now = System.nanoTime();
            if (n == total || now - last > 100_000_000L) {
                last = now;
                synchronized (Progress.class) {
                    err.print("\r" + verb + " " + n + "/" + total + " files");
                    err.flush();
                    shown = true;
                }
            }
        };
    }

    static void clear(PrintWriter err) {
        synchronized (Progress.class) {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
                shown = false;
            }
        }
    }
}
