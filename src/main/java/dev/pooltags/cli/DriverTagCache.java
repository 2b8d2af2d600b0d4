package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.pe.PeReader;
import dev.pooltags.report.ScanReport;
import dev.pooltags.scan.DriverFiles;
import dev.pooltags.scan.DriverScan;
import dev.pooltags.scan.FileScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tags of this machine's drivers, as PoolMon's {@code /c} made them (a local tag file from the drivers' own
 * code), kept in the per-user configuration folder as {@code localtag-drivers.txt} and made again when the drivers
 * folder changed. Its first line records what it was made from ({@code // drivers: FOLDER N files, stamp HEX}); the
 * stamp is over every file's name, size and modification time, so an added, removed or updated driver remakes it.
 * Used on Windows when no Pooltag.txt is found, so {@code top}, {@code snapshot}, {@code serve} and {@code leaks}
 * show owners on a machine without the Debugging Tools.
 */
final class DriverTagCache {
    /** The file's name in the configuration folder. */
    static final String FILE = "localtag-drivers.txt";
    private static final String STAMP = "// drivers: ";

    private DriverTagCache() {}

    /**
     * The local tag file for {@code drivers}, made or remade in {@code configDir} when missing or out of date; empty
     * when the folder cannot be listed or the file cannot be written (owners are a help, never a reason to fail).
     *
     * @param err where the one line saying the drivers are being read goes (they take a few seconds, once)
     */
    static Optional<Path> get(Path drivers, Path configDir, PrintWriter err) {
        String stamp;
        try {
            stamp = stamp(drivers);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        Path file = configDir.resolve(FILE);
        if (stamp.equals(recorded(file))) {
            return Optional.of(file);
        }
        try {
            Files.createDirectories(configDir);
            List<DriverFiles.Target> files = DriverFiles.list(List.of(drivers));
            err.println("pooltags: reading the tags of the " + files.size() + " files in " + drivers
                    + " for the Owner column (kept in " + file + ", made again when the drivers change)");
            err.flush();
            List<FileScan> scanned = new DriverScan(Math.max(1, Runtime.getRuntime().availableProcessors()), List.of(), true)
                    .run(files, PeReader::load, Progress.on(err, files.size(), "reading"));
            Progress.clear(err);
            OutputFile.of(file).write(null, w -> {
                w.print(STAMP + stamp + "\r\n");
                ScanReport.localtag(w, scanned);
            });
            return Optional.of(file);
        } catch (RuntimeException | IOException e) {
            err.println("pooltags: could not keep the drivers' tags in " + file + ": " + e.getMessage() + "; owners from the drivers are left out");
            return Optional.empty();
        }
    }

    /** What the file says it was made from, or null. */
    static String recorded(Path file) {
        try (var r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            String first = r.readLine();
            return first != null && first.startsWith(STAMP) ? first.substring(STAMP.length()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The folder, its number of files and a hash of every file's relative name, size and modification time. */
    static String stamp(Path drivers) throws IOException {
        long h = 0xcbf29ce484222325L;
        int n = 0;
        try (Stream<Path> s = Files.walk(drivers)) {
            for (Path p : s.sorted().toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    continue;
                }
                n++;
                String key = drivers.relativize(p).toString().toLowerCase(Locale.ROOT) + "|" + a.size() + "|"
                        + a.lastModifiedTime().toMillis();
                for (int i = 0; i < key.length(); i++) {
                    h = (h ^ key.charAt(i)) * 0x100000001b3L; // FNV-1a: a change detector, not a security measure
                }
            }
        }
        return drivers + " " + n + " files, stamp " + Long.toHexString(h);
    }
}
