package dev.pooltags.specialpool;

import dev.pooltags.source.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Writes (or deletes) the special-pool registry values on this Windows machine with {@code reg.exe}, which needs an
 * elevated prompt. Other systems and a refused write are {@link EnvironmentException}s with what to do instead.
 */
public final class RegistryWriter {
    private RegistryWriter() {}

    /** True on Windows. */
    public static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The reg.exe commands {@link #apply} runs, as argument lists. */
    public static List<List<String>> commands(SpecialPoolPlan p, boolean off) {
        List<List<String>> out = new ArrayList<>();
        if (off) {
            out.add(List.of("reg", "delete", SpecialPoolPlan.REG_KEY, "/v", SpecialPoolPlan.POOL_TAG, "/f"));
        } else {
            out.add(List.of("reg", "add", SpecialPoolPlan.REG_KEY, "/v", SpecialPoolPlan.POOL_TAG, "/t", "REG_DWORD", "/d", p.valueText(), "/f"));
            out.add(List.of("reg", "add", SpecialPoolPlan.REG_KEY, "/v", SpecialPoolPlan.POOL_TAG_OVERRUNS, "/t", "REG_DWORD", "/d",
                    p.underruns() ? "0" : "1", "/f"));
        }
        return out;
    }

    /** Runs the commands; the first failure stops with a message naming it. */
    public static void apply(SpecialPoolPlan p, boolean off) {
        if (!onWindows()) {
            throw new EnvironmentException("--apply writes the Windows registry and works on Windows only; on the target run the "
                    + "commands above, or write a .reg file with --format reg and import it there (reg import FILE.reg)");
        }
        for (List<String> c : commands(p, off)) {
            try {
                Process proc = new ProcessBuilder(c).redirectErrorStream(true).start();
                String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                    proc.destroyForcibly();
                    throw new EnvironmentException(String.join(" ", c) + ": no answer in 60 s");
                }
                if (proc.exitValue() != 0) {
                    boolean denied = out.toLowerCase(Locale.ROOT).contains("denied");
                    throw new EnvironmentException(String.join(" ", c) + " failed" + (denied ? ": access is denied; run pooltags from an "
                            + "elevated command prompt (Run as administrator)" : ": " + out));
                }
            } catch (IOException e) {
                throw new EnvironmentException("cannot run reg.exe: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EnvironmentException("interrupted while writing the registry");
            }
        }
    }
}
