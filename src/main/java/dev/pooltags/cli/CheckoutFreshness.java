package dev.pooltags.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * Whether the jar that runs is older than the checkout it was built from: the Windows launcher's staleness test.
 *
 * <p>{@code ./pooltags} asks {@code find -newer} before it starts Java; {@code cmd.exe} has no way to compare file times
 * to the second, so {@code pooltags.cmd} names its checkout in {@value #CHECKOUT_VARIABLE} and this check, the first
 * thing the jar does, answers with exit code {@value #STALE_EXIT} and no output when a file under {@code src/main},
 * {@code src/bench} (the benchmarks, built beside the jar) or {@code pom.xml} is newer than the jar; the launcher then rebuilds and runs the command again. The rule is the one
 * {@code ./pooltags} applies, so both launchers rebuild in the same cases.
 */
public final class CheckoutFreshness {
    /** The environment variable pooltags.cmd sets to its checkout folder. */
    public static final String CHECKOUT_VARIABLE = "POOLTAGS_CHECKOUT";
    /** The exit code that asks the launcher to rebuild (sysexits' EX_TEMPFAIL: not among the documented codes 0-5). */
    public static final int STALE_EXIT = 75;

    private CheckoutFreshness() {}

    /** The file newer than {@code jar} under {@code checkout}'s src/main or src/bench, or its pom.xml, if any. */
    public static Optional<Path> newerThan(Path jar, Path checkout) throws IOException {
        FileTime built = Files.getLastModifiedTime(jar);
        Path pom = checkout.resolve("pom.xml");
        if (Files.isRegularFile(pom) && Files.getLastModifiedTime(pom).compareTo(built) > 0) {
            return Optional.of(pom);
        }
        for (String part : new String[] {"main", "bench"}) {
            Optional<Path> newer = newerUnder(checkout.resolve("src").resolve(part), built);
            if (newer.isPresent()) {
                return newer;
            }
        }
        return Optional.empty();
    }

    /** The first regular file under {@code dir} modified after {@code built}; none when the folder is absent. */
    private static Optional<Path> newerUnder(Path dir, FileTime built) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path[] found = new Path[1];
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isRegularFile() && a.lastModifiedTime().compareTo(built) > 0) {
                    found[0] = file;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable file cannot have been built from either
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * True when the launcher named a checkout and this jar is older than it. Never throws: a check that cannot be
     * made (no jar, because the classes run from a folder; a checkout folder that is gone) lets the command run.
     */
    static boolean staleLaunch(String checkout) {
        if (checkout == null || checkout.isBlank()) {
            return false;
        }
        try {
            var source = CheckoutFreshness.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return false;
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) && newerThan(jar, Path.of(checkout)).isPresent();
        } catch (IOException | RuntimeException | URISyntaxException e) {
            return false;
        }
    }
}
