package dev.pooltags.cli;

import dev.pooltags.snapshot.SnapshotSource;
import dev.pooltags.snapshot.SnapshotSources;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --source SPEC}: where live samples come from, shared by snapshot, record and top. */
public final class SourceOption {
    @Option(names = "--source", paramLabel = "SPEC",
            description = "windows (windows:session, windows:session=N), linux, demo:SCENARIO (a simulated system: "
                    + "healthy, leak-slow, leak-fast, cache-plateau, tag-mismatch, unload-leak, special-pool-overrun) or "
                    + "replay:FILE (a recording or any snapshot file). Default: this machine's live source.")
    String spec;

    /** The spec given, or this machine's live source. */
    public String spec() {
        return spec != null ? spec : SnapshotSources.defaultSpec();
    }

    @Mixin
    StartOption start;

    private InputNotes notes;

    /**
     * Opens the source; later warnings (a torn recording tail) and damage (a damaged recording frame) go to
     * {@code err} as one line each.
     */
    public SnapshotSource open(PrintWriter err) {
        notes = new InputNotes(err);
        String s = spec();
        java.time.Instant first = start == null ? null : start.get();
        if (s.regionMatches(true, 0, "replay:", 0, 7) && s.length() > 7) {
            // what is replayed is checked by the one sniffer: a file of another kind says what it is, a folder skips them
            java.nio.file.Path file = java.nio.file.Path.of(s.substring(7));
            if (dev.pooltags.sniff.Inputs.snapshots().check(file).kind() == dev.pooltags.sniff.InputKind.FOLDER) {
                java.util.List<java.nio.file.Path> files = dev.pooltags.sniff.Inputs.snapshots().expand(java.util.List.of(file), notes::warning);
                return SnapshotSources.replay(s, dev.pooltags.snapshot.SnapshotInputs.readSeries(files, notes, first));
            }
        }
        return SnapshotSources.open(s, notes, first);
    }

    /** The exit status: 3 when the source read a damaged recording, else {@code code}. */
    public ExitCode exit(ExitCode code) {
        return notes == null ? code : notes.exit(code);
    }
}
