package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.pe.PeReader;
import dev.pooltags.report.ScanReport;
import dev.pooltags.scan.DriverFiles;
import dev.pooltags.scan.DriverScan;
import dev.pooltags.scan.FileScan;
import dev.pooltags.source.TerminalText;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags scan}: which pool tags driver binaries use, from their code, on x86, x64 and ARM64. */
@Command(name = "scan", mixinStandardHelpOptions = true)
public final class ScanCommand extends Subcommand {
    @Mixin
    ReportOptions output = report("table (default), json (every call site) or localtag.", ScanReport.renderers(false));

    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--all", description = "In the table, also list decoded files without pool calls.")
    boolean all;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Driver files or folders.")
    List<Path> paths = new ArrayList<>();

    @Override
    protected ExitCode execute() {
        OutputFile target = output.check();
        List<DriverFiles.Target> files = DriverFiles.list(paths);
        TagDatabase db = tagFiles.load(false);
        List<PoolTag> known = new ArrayList<>();
        for (TagEntry e : db.exactEntries()) {
            known.add(e.tag());
        }
        PrintWriter err = spec.commandLine().getErr();
        List<FileScan> results = new DriverScan(threads.get(), known, true).run(files, PeReader::load, Progress.on(err, files.size(), "scanning"));
        Progress.clear(err);
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p)) {
                // a drivers folder holds .inf, .cat and the like: skipped quietly; a folder with no driver at all is an error
                Path abs = p.toAbsolutePath().normalize();
                long pe = 0;
                long other = 0;
                for (int i = 0; i < results.size(); i++) {
                    if (!files.get(i).named() && files.get(i).path().toAbsolutePath().normalize().startsWith(abs)) {
                        if (results.get(i).status() == FileScan.Status.NOT_PE) {
                            other++;
                        } else {
                            pe++;
                        }
                    }
                }
                if (pe == 0) {
                    throw new dev.pooltags.source.InputException(p, "no PE image (driver) in the folder or its subfolders: "
                            + (other == 0 ? "it is empty" : "its " + other + (other == 1 ? " file is" : " files are") + " of other kinds"));
                }
            }
        }
        target.write(spec.commandLine().getOut(), w -> ScanReport.renderers(all).render(output.format(), w, results));
        int code = exitCode(results, files, err);
        err.flush();
        return ExitCode.of(code);
    }

    /**
     * Names every file that could not be read on {@code err} and returns the exit status: 5 when pooltags failed on
     * a file (a bug), else 3 when a file named on the command line is damaged or not a PE file, else 0.
     */
    static int exitCode(List<FileScan> results, List<DriverFiles.Target> files, PrintWriter err) {
        int code = ExitCode.OK.code();
        for (int i = 0; i < results.size(); i++) {
            FileScan f = results.get(i);
            boolean named = files.get(i).named();
            if (f.status() == FileScan.Status.FAILED) {
                err.println("pooltags: " + TerminalText.escape(f.file() + ": " + f.problem()));
                code = ExitCode.INTERNAL.code(); // a bug outranks every other status (README: exit 5)
            } else if (f.status() == FileScan.Status.ERROR) {
                err.println("pooltags: " + TerminalText.escape(f.file() + ": " + f.problem()));
                if (named && code != ExitCode.INTERNAL.code()) {
                    code = ExitCode.INPUT.code();
                }
            } else if (f.status() == FileScan.Status.NOT_PE && named) {
                // what the file is instead, and which command reads it (the one sniffer every command asks)
                Path named0 = files.get(i).path();
                String what;
                try {
                    what = dev.pooltags.sniff.Inputs.drivers().wrongKind(dev.pooltags.sniff.Sniffer.sniff(named0));
                } catch (dev.pooltags.source.InputException e) {
                    what = e.problem();
                }
                err.println("pooltags: " + TerminalText.escape(f.file()) + ": " + TerminalText.escape(what));
                if (code != ExitCode.INTERNAL.code()) {
                    code = ExitCode.INPUT.code();
                }
            }
        }
        return code;
    }
}
