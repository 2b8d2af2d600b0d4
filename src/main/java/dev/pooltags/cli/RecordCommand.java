package dev.pooltags.cli;

import dev.pooltags.live.LiveSampling;
import dev.pooltags.output.OutputFile;
import dev.pooltags.snapshot.RecordingWriter;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.source.InputException;
import dev.pooltags.source.TerminalText;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pooltags record}: keeps a series of samples in an append-only recording. */
@Command(name = "record", mixinStandardHelpOptions = true)
public final class RecordCommand extends Subcommand {
    @Mixin
    SourceOption source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The recording; created, or appended to when it exists (a fifo, a device or - gets a new "
                    + "recording streamed into it).")
    Path output;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time between samples (default 5s): 500ms, 1s, 5m ...")
    Duration interval = Duration.ofSeconds(5);

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (default: until interrupted, or until a replayed source ends).")
    Duration duration;

    @Option(names = "--sync", description = "Force every sample to the disk (survives power loss too; slower).")
    boolean sync;

    @Override
    protected ExitCode execute() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = System.console() != null;
        AtomicBoolean stop = new AtomicBoolean();
        OutputFile target = OutputFile.of(output);
        try (SnapshotSource src = source.open(err); RecordingWriter w = open(target)) {
            if (w.openingNote().contains("torn tail") || progress) {
                err.println("pooltags: " + TerminalText.escape(w.openingNote()));
                err.flush();
            }
            // Ctrl-C or SIGTERM: let the sample being written finish, so even a polite stop leaves no torn tail
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                stop.set(true);
                synchronized (w) {
                    main.interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                loop(src, w, err, progress, stop);
            } finally {
                if (!stop.get()) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                }
            }
            if (progress) {
                err.println();
            }
            err.flush();
        }
        return source.exit(ExitCode.OK);
    }

    /**
     * A regular file (or the file a link points at) is created or appended to; a fifo, a device or standard output
     * ({@code -o -}) gets a new recording streamed into it, never replaced by a file.
     */
    private RecordingWriter open(OutputFile target) {
        if (target.kind() == OutputFile.Kind.REGULAR) {
            // the file a link points at; the name as given otherwise, so messages say what the user wrote
            return RecordingWriter.open(java.nio.file.Files.isSymbolicLink(output) ? target.target() : output, sync);
        }
        try {
            FileOutputStream out = target.kind() == OutputFile.Kind.STDOUT ? new FileOutputStream(FileDescriptor.out)
                    : new FileOutputStream(target.target().toFile(), true);
            return RecordingWriter.stream(target.kind() == OutputFile.Kind.STDOUT ? "standard output" : output.toString(),
                    out.getChannel());
        } catch (IOException e) {
            throw new InputException(output, "cannot write: " + dev.pooltags.source.Reasons.of(e), e);
        }
    }

    private void loop(SnapshotSource src, RecordingWriter w, PrintWriter err, boolean progress, AtomicBoolean stop)
            throws InterruptedException {
        LiveSampling sampling = new LiveSampling(src, null);
        long start = System.nanoTime();
        Instant firstTime = null;
        long n = 0;
        while (!stop.get()) {
            if (!src.isSimulated()) {
                long due = start + n * interval.toNanos();
                if (duration != null && n * interval.toNanos() >= duration.toNanos()) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
            Optional<Snapshot> s = sampling.next();
            if (s.isEmpty()) {
                break;
            }
            if (firstTime == null) {
                firstTime = s.get().time();
            }
            if (src.isSimulated() && duration != null
                    && Duration.between(firstTime, s.get().time()).compareTo(duration) >= 0) {
                break; // simulated time is the clock of a replay or a simulation
            }
            synchronized (w) {
                if (stop.get()) {
                    break;
                }
                w.write(s.get());
            }
            n++;
            if (progress) {
                err.printf("\rrecording %s -> %s: %d samples, %,d bytes, %s", TerminalText.escape(src.name()),
                        TerminalText.escape(output.toString()), n, w.size(),
                        DurationConverter.format(Duration.ofNanos(System.nanoTime() - start)));
                err.flush();
            }
        }
        Thread.interrupted(); // clear an interrupt from the stop hook
    }
}
