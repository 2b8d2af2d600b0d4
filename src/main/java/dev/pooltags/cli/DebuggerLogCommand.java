package dev.pooltags.cli;

import dev.pooltags.debugger.DebuggerAnswer;
import dev.pooltags.debugger.DebuggerLog;
import dev.pooltags.debugger.DebuggerLogReader;
import dev.pooltags.debugger.LogAnalysis;
import dev.pooltags.report.DebuggerReport;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags debugger}: one answer from a case's WinDbg/KD session logs. */
@Command(name = "debugger", mixinStandardHelpOptions = true)
public final class DebuggerLogCommand extends Subcommand {
    @Mixin
    ReportOptions output = report("text (default), json or html.", DebuggerReport.RENDERERS);

    @Mixin
    TagFileOptions tagFiles;

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Debugger logs or pasted output, read together as one case.")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "The tag to follow (default: the last one searched with !poolfind, "
            + "else the one with the most bytes in the last !poolused).")
    String tag;

    @Option(names = "--top", paramLabel = "N", description = "Top tags listed (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Override
    protected void validate() {
        require(top >= 1, "--top must be 1 or more");
    }

    @Override
    protected ExitCode execute() {
        Optional<PoolTag> wanted = tag == null ? Optional.empty() : Optional.of(PoolTag.parse(tag));
        List<DebuggerLog> read = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : dev.pooltags.sniff.Inputs.debuggerLogs().expand(logs, w -> err.println("pooltags: " + w))) {
            read.add(DebuggerLogReader.read(p));
        }
        TagDatabase db = tagFiles.load(false);
        DebuggerAnswer a = LogAnalysis.analyze(read, db, wanted, top);
        PrintWriter stdout = spec.commandLine().getOut();
        output.write(stdout, w -> DebuggerReport.RENDERERS.render(output.format(), w, a));
        return ExitCode.OK;
    }
}
