package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.snapshot.RecordingWriter;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.snapshot.SnapshotFormat;
import dev.pooltags.snapshot.SnapshotInputs;
import dev.pooltags.snapshot.SnapshotSources;
import dev.pooltags.source.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags convert}: any snapshot file format into any writable one. */
@Command(name = "convert", mixinStandardHelpOptions = true)
public final class ConvertCommand extends Subcommand {
    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    StartOption start;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (required for rec; replaced only when complete; - is standard output).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "json, csv, rec, poolmon, poolmonx or poolused.")
    String format;

    @Option(names = "--sample", paramLabel = "N|last", description = "Convert only this sample (1 = first, or last).")
    String sample;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Snapshot files or folders of them.")
    List<Path> inputs = new ArrayList<>();

    @Override
    protected ExitCode execute() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SnapshotFormat fmt = format.equalsIgnoreCase("rec") ? SnapshotFormat.RECORDING : SnapshotCommand.writableFormat(format);
        OutputFile target = OutputFile.of(output);
        if (fmt == SnapshotFormat.RECORDING && target.kind() != OutputFile.Kind.REGULAR) {
            throw new UsageException("--format rec writes a binary file: give -o FILE (a regular file)");
        }
        InputNotes notes = new InputNotes(err);
        List<Snapshot> read = SnapshotInputs.readSeries(dev.pooltags.sniff.Inputs.snapshots().expand(inputs, notes::warning), notes, start.get());
        List<Snapshot> series = sample == null ? read
                : List.of(SnapshotCommand.pick(SnapshotSources.replay(String.valueOf(inputs), read), sample));
        if (fmt == SnapshotFormat.RECORDING) {
            // written at a temporary path beside the target and renamed: a failed conversion leaves nothing half-written
            target.writeFile(tmp -> {
                try (RecordingWriter w = RecordingWriter.open(tmp, false)) {
                    for (Snapshot s : series) {
                        w.write(s);
                    }
                    w.force();
                }
            });
            return notes.exit(ExitCode.OK);
        }
        try {
            fmt.checkWritable(series); // before the first byte: a format that cannot hold the series writes nothing
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        java.util.Set<String> sources = new java.util.LinkedHashSet<>();
        series.forEach(x -> sources.add(x.source()));
        var owners = SnapshotCommand.ownerColumns(tagFiles.load(false, sources, spec.commandLine().getErr()));
        target.write(out, w -> fmt.writeText(w, series, owners));
        return notes.exit(ExitCode.OK);
    }
}
