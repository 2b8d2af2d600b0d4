package dev.pooltags.output;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a command's results go ({@code -o FILE}), written completely or not at all.
 *
 * <ul>
 *   <li><b>standard output</b>: no {@code -o}, or {@code -o -};</li>
 *   <li><b>a regular file</b> (existing or new): the results go to a temporary file beside it, are forced to the
 *       disk, and the temporary file is renamed over the target, so readers see the old file or the whole new one,
 *       never a part; a failure (bad input found while writing, a full disk, a killed process) leaves the target
 *       as it was. A symbolic link is followed: the file it points at is replaced and the link stays a link.</li>
 *   <li><b>anything else</b> (a fifo, a character or block device such as {@code /dev/null}, {@code /dev/stdout}):
 *       written into as it is, never replaced by a file (replacing {@code /dev/null} would break it for the whole
 *       machine).</li>
 * </ul>
 * A folder, a missing parent folder, or a place that cannot be written is an {@link InputException} naming it,
 * raised before any work is written.
 */
public final class OutputFile {
    /** What the path is. */
    public enum Kind { STDOUT, REGULAR, SPECIAL }

    private static final int MAX_LINKS = 40; // as Linux's ELOOP limit

    private final Path named;
    private final Path target;
    private final Kind kind;

    private OutputFile(Path named, Path target, Kind kind) {
        this.named = named;
        this.target = target;
        this.kind = kind;
    }

    /** Standard output. */
    public static OutputFile stdout() {
        return new OutputFile(null, null, Kind.STDOUT);
    }

    /**
     * The place {@code path} names: null or {@code -} is standard output. Checks it now, so a wrong path is an
     * error before any work is done: a folder, a missing parent folder, a symbolic link loop.
     */
    public static OutputFile of(Path path) {
        if (path == null || path.toString().equals("-")) {
            return stdout();
        }
        Path abs = path.toAbsolutePath().normalize();
        String s = abs.toString().replace('\\', '/');
        if (s.startsWith("/dev/") || s.startsWith("/proc/")) {
            // /dev/stdout, /dev/fd/N, /proc/self/fd/N and devices: written into as the kernel resolves them
            if (Files.isDirectory(abs)) {
                throw new InputException(path, "cannot write: is a folder");
            }
            return new OutputFile(path, abs, Kind.SPECIAL);
        }
        Path real = followLinks(path, abs);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            a = null; // a new file
        } catch (IOException e) {
            throw new InputException(path, "cannot write: " + reason(e), e);
        }
        if (a != null && a.isDirectory()) {
            throw new InputException(path, "cannot write: is a folder" + (real.equals(abs) ? "" : " (" + real + ")"));
        }
        if (a != null && !a.isRegularFile()) {
            return new OutputFile(path, real, Kind.SPECIAL);
        }
        Path dir = real.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException(path, "cannot write: the folder " + dir + " does not exist");
        }
        try {
            // a folder that cannot take the temporary file (read-only, no permission) says so now, not after the work
            Files.delete(Files.createTempFile(dir != null ? dir : Path.of("").toAbsolutePath(), "." + real.getFileName(), ".tmp"));
        } catch (IOException e) {
            throw new InputException(path, "cannot write: " + reason(e), e);
        }
        return new OutputFile(path, real, Kind.REGULAR);
    }

    /** The path after following symbolic links, also a dangling link's target (which is then created). */
    private static Path followLinks(Path named, Path abs) {
        Path p = abs;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            try {
                Path to = Files.readSymbolicLink(p);
                p = (p.getParent() == null ? to : p.getParent().resolve(to)).normalize();
            } catch (IOException e) {
                throw new InputException(named, "cannot write: cannot read the symbolic link " + p + ": " + reason(e), e);
            }
        }
        throw new InputException(named, "cannot write: more than " + MAX_LINKS + " symbolic links (a loop?)");
    }

    public Kind kind() {
        return kind;
    }

    /** The file written to, after following links; null for standard output. */
    public Path target() {
        return target;
    }

    /**
     * Writes text (UTF-8): {@code body} renders into the writer it is given. For a regular file the result appears
     * only when {@code body} returns normally and everything reached the disk; when {@code body} throws, or writing
     * fails, the target is left as it was and the exception (a write failure as an {@link InputException} naming the
     * file) propagates.
     *
     * @param stdout standard output, used for {@link Kind#STDOUT}
     */
    public void write(PrintWriter stdout, Consumer<PrintWriter> body) {
        switch (kind) {
            case STDOUT -> {
                body.accept(stdout);
                stdout.flush();
            }
            case SPECIAL -> {
                try (Failures out = new Failures(new FileOutputStream(target.toFile(), false));
                        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    body.accept(w);
                    w.flush();
                    out.check(named);
                } catch (IOException e) {
                    throw new InputException(named, "cannot write: " + reason(e), e);
                }
            }
            case REGULAR -> writeFile(tmp -> {
                try (Failures out = new Failures(new FileOutputStream(tmp.toFile()));
                        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    body.accept(w);
                    w.flush();
                    out.check(named);
                    out.sync(named);
                } catch (IOException e) {
                    throw new InputException(named, "cannot write: " + reason(e), e);
                }
            });
        }
    }

    /**
     * Writes a regular file through a path: {@code body} writes the whole file at the temporary path it is given
     * (beside the target), which then replaces the target. Only for regular files: a binary file format (a
     * recording) is not written into a fifo or a device.
     */
    public void writeFile(Consumer<Path> body) {
        if (kind != Kind.REGULAR) {
            throw new InputException(named == null ? "standard output" : named.toString(), 0,
                    "cannot write this format there: it is written to a regular file (give -o FILE)");
        }
        Path dir = target.getParent() == null ? Path.of("").toAbsolutePath() : target.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new InputException(named, "cannot write: " + reason(e), e);
        }
        tmp.toFile().deleteOnExit(); // Ctrl-C while writing: no temporary file left behind
        boolean done = false;
        try {
            body.accept(tmp);
            permissions(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } catch (IOException e) {
            throw new InputException(named, "cannot write: " + reason(e), e);
        } catch (InputException e) {
            if (e.where() != null && e.where().equals(tmp.toString())) {
                throw new InputException(named, e.problem().startsWith("cannot write") ? e.problem()
                        : "cannot write: " + e.problem(), e); // the temporary file is ours: name the user's
            }
            throw e;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the first failure is the one to report
                }
            }
        }
    }

    /** A temporary file is private (0600); a result is not: it gets the replaced file's permissions, or 0644. */
    private void permissions(Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, p);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): its default access applies
        }
    }

    /** The OS's words for a failure, without Java's exception names. */
    static String reason(IOException e) {
        return Reasons.of(e);
    }

    /** Remembers the first write failure (a PrintWriter only keeps a flag) and forces the data to the disk. */
    private static final class Failures extends OutputStream {
        private final FileOutputStream out;
        private IOException first;

        Failures(FileOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (first != null) {
                throw first; // after a failure nothing more is written
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                first = e;
                throw e;
            }
        }

        void check(Path named) {
            if (first != null) {
                throw new InputException(named, "cannot write: " + reason(first), first);
            }
        }

        void sync(Path named) {
            try {
                out.getChannel().force(true);
            } catch (IOException e) {
                throw new InputException(named, "cannot write: " + reason(e), e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
