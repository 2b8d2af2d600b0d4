package dev.pooltags.output;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for a test (needs root, as CI runs; skipped where mounting is not allowed): filled up, it
 * is a full disk; remounted read-only, a folder nobody can write to, root included.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on a new folder inside {@code parent}. */
    public static SmallDisk mount(Path parent, int kib) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Path dir = Files.createDirectories(parent.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs", dir.toString()),
                "mount -t tmpfs is not allowed here");
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Fills the file system to the last byte. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(dir.resolve("filler"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // ENOSPC: full; a few bytes may still fit a block the filler did not take, take them too
            try (var out = Files.newOutputStream(dir.resolve("filler2"))) {
                for (int i = 0; i < 4096; i++) {
                    out.write(0);
                }
            } catch (IOException alsoFull) {
                // full
            }
        }
    }

    /** Makes the whole file system read-only. */
    public void readOnly() throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,ro", dir.toString())) {
            throw new IOException("cannot remount " + dir + " read-only");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
        Files.deleteIfExists(dir);
    }

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
