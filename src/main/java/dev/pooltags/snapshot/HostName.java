package dev.pooltags.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name for the {@code host} of live snapshots, without a DNS lookup (which can hang). */
public final class HostName {
    private HostName() {}

    public static String get() {
        String w = System.getenv("COMPUTERNAME");
        if (w != null && !w.isBlank()) {
            return w.trim();
        }
        try {
            String h = new String(Files.readAllBytes(Path.of("/proc/sys/kernel/hostname")), StandardCharsets.UTF_8).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        String h = System.getenv("HOSTNAME");
        return h == null ? "" : h.trim();
    }
}
