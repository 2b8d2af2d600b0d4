package dev.pooltags.cli;

import dev.pooltags.output.OutputFile;
import dev.pooltags.pe.PeReader;
import dev.pooltags.report.WhoReport;
import dev.pooltags.scan.DriverFiles;
import dev.pooltags.scan.DriverScan;
import dev.pooltags.scan.FileScan;
import dev.pooltags.scan.WhoAnalysis;
import dev.pooltags.source.TerminalText;
import dev.pooltags.source.UsageException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags who}: everything known about who uses a tag, in one go. */
@Command(name = "who", mixinStandardHelpOptions = true)
public final class WhoCommand extends Subcommand {
    @Mixin
    ReportOptions output = report("text (default) or json.", WhoReport.renderers(null, List.of(), 0));

    @Mixin
    TagFileOptions tagFiles;

    @Option(names = "--drivers", paramLabel = "DIR",
            description = "Folder of drivers to scan (default on Windows: %%SystemRoot%%\\System32\\drivers).")
    Path drivers;

    @Mixin
    ThreadsOption threads;

    @Parameters(paramLabel = "TAG", arity = "1..*", description = "The tags to explain.")
    List<String> tags = new ArrayList<>();

    @Override
    protected ExitCode execute() {
        List<PoolTag> wanted = new ArrayList<>();
        for (String t : tags) {
            if (t.indexOf('*') >= 0 || t.indexOf('?') >= 0) {
                throw new UsageException("'" + t + "' is a pattern; who explains exact tags (list a pattern's tags with 'pooltags lookup')");
            }
            wanted.add(PoolTag.parse(t));
        }
        Path dir = drivers != null ? drivers : defaultDrivers();
        OutputFile target = output.check();
        TagDatabase db = tagFiles.load(false);
        PrintWriter err = spec.commandLine().getErr();
        List<FileScan> scans = List.of();
        if (dir != null) {
            if (!Files.isDirectory(dir)) {
                dev.pooltags.sniff.Inputs.drivers().check(dir); // one file named: it must be a driver (or program)
            }
            List<DriverFiles.Target> files = DriverFiles.list(List.of(dir));
            scans = new DriverScan(threads.get(), WhoAnalysis.byteForms(wanted), false)
                    .run(files, PeReader::load, Progress.on(err, files.size(), "scanning"));
            Progress.clear(err);
            if (Files.isDirectory(dir) && scans.stream().allMatch(f -> f.status() == FileScan.Status.NOT_PE)) {
                throw new dev.pooltags.source.InputException(dir, "no PE image (driver) in the folder or its subfolders: "
                        + (scans.isEmpty() ? "it is empty" : "its " + scans.size() + (scans.size() == 1 ? " file is" : " files are")
                        + " of other kinds"));
            }
        }
        List<FileScan> scanned = scans;
        List<WhoAnalysis.Answer> answers = WhoAnalysis.answer(wanted, db, scans);
        String dirName = dir == null ? null : dir.toString();
        target.write(spec.commandLine().getOut(),
                w -> WhoReport.renderers(dirName, scanned, db.files().size()).render(output.format(), w, answers));
        // every file the answer could not look into is named, so "none of N files" is never silently short
        boolean failed = false;
        for (FileScan f : scans) {
            if (f.unreadable()) {
                err.println("pooltags: " + TerminalText.escape(f.file() + ": " + f.problem()));
                failed |= f.status() == FileScan.Status.FAILED;
            }
        }
        err.flush();
        if (failed) {
            return ExitCode.INTERNAL;
        }
        return answers.stream().allMatch(WhoAnalysis.Answer::found) ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The system drivers folder on Windows, or null elsewhere (or when it is missing). */
    static Path defaultDrivers() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return null;
        }
        String root = System.getenv("SystemRoot");
        Path p = Path.of(root != null && !root.isEmpty() ? root : "C:\\Windows", "System32", "drivers");
        return Files.isDirectory(p) ? p : null;
    }
}
