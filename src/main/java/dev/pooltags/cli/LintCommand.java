package dev.pooltags.cli;

import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Linter;
import dev.pooltags.project.ProjectLayout;
import dev.pooltags.source.InputException;
import dev.pooltags.lint.Rule;
import dev.pooltags.core.Severity;
import dev.pooltags.output.OutputFile;
import dev.pooltags.report.LintReport;
import dev.pooltags.report.Renderers;
import dev.pooltags.report.SarifReport;
import dev.pooltags.report.TagInventoryReport;
import dev.pooltags.source.SourceLines;
import dev.pooltags.source.UsageException;
import dev.pooltags.tagdb.TagDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pooltags lint}: pool-tag mistakes in driver sources, and the tag inventory. */
@Command(name = "lint", mixinStandardHelpOptions = true)
public final class LintCommand extends Subcommand {
    enum FailOn { error, warning, note, none }

    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    ReportOptions output = report("text (default), json, sarif; with --tags: text, json, csv, localtag.",
            findings(List.of(), false, null), TagInventoryReport.RENDERERS);

    @Option(names = "--tags", description = "List every tag the sources use (where, routine, name) instead of findings.")
    boolean tags;

    @Option(names = "--wrappers", description = "List the driver's own functions taken as pool routines (found in the "
            + "sources or declared in .pooltags.yml) instead of findings.")
    boolean listWrappers;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding at or above LEVEL exists: error (default), warning, note, none.")
    FailOn failOn = FailOn.error;

    @Option(names = "--rule", paramLabel = "ID", split = ",", description = "Run only these rules (PT001,PT005).")
    List<String> onlyRules = new ArrayList<>();

    @Option(names = "--explain", description = "Print each rule's help text under its findings (text format).")
    boolean explain;

    @Option(names = "--list-rules", description = "List the rules with their severity and help, then exit.")
    boolean listRules;

    @Option(names = "--source-root", paramLabel = "DIR", description = "With --format sarif: the folder paths are given "
            + "relative to (%%SRCROOT%%); default: the git work tree holding the current folder, else the current folder.")
    Path sourceRoot;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Source files or folders (searched recursively).")
    List<Path> paths = new ArrayList<>();

    @Override
    protected ExitCode execute() {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Rule> rules = selectRules();
        if (listRules) {
            output.write(stdout, w -> listRules(w, rules));
            return ExitCode.OK;
        }
        if (paths.isEmpty()) {
            throw new UsageException("name at least one source file or folder; see 'pooltags lint --help'");
        }
        if (listWrappers && (tags || !LintReport.WRAPPERS.names().contains(output.format()))) {
            throw new UsageException("--wrappers writes text or json, and not together with --tags");
        }
        if (tags && !TagInventoryReport.RENDERERS.names().contains(output.format())) {
            throw new UsageException("--tags writes text, json, csv or localtag, not sarif");
        }
        if (!tags && !findings(rules, explain, sourceRoot).names().contains(output.format())) {
            throw new UsageException("--format " + output.format() + " is for --tags; findings are text, json or sarif");
        }
        OutputFile out = output.check();
        TagDatabase db = tagFiles.load(false);
        for (Path p : paths) {
            if (!java.nio.file.Files.isDirectory(p)) {
                dev.pooltags.sniff.Inputs.sources().check(p); // a named file of another kind says what it is
            }
        }
        ProjectLayout layout = ProjectLayout.discover(paths);
        for (Path p : paths) {
            if (java.nio.file.Files.isDirectory(p)) {
                Path abs = p.toAbsolutePath().normalize();
                if (layout.files().stream().noneMatch(f -> f.path().toAbsolutePath().normalize().startsWith(abs))) {
                    // a CI gate pointed at the wrong folder must not pass with "0 files"
                    throw new InputException(p, "no C/C++ source in the folder or its subfolders (.c .cpp .cc .cxx .h .hpp .hh .hxx "
                            + ".inl .tmh): " + folderContents(p));
                }
            }
        }
        LintResult result = new Linter(rules, new Linter.Options(tags, Linter.Options.DEFAULT_MAX)).run(layout, db, ProjectLayout::read);
        if (listWrappers) {
            out.write(stdout, w -> LintReport.WRAPPERS.render(output.format(), w, result.wrappers()));
            return ExitCode.OK;
        }
        if (tags) {
            out.write(stdout, w -> TagInventoryReport.RENDERERS.render(output.format(), w, result.tagUses()));
            return ExitCode.OK;
        }
        out.write(stdout, w -> findings(rules, explain, sourceRoot).render(output.format(), w, result));
        if (failOn == FailOn.none) {
            return ExitCode.OK;
        }
        Severity gate = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        return result.active().stream().anyMatch(f -> f.severity().atLeast(gate)) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** The formats of the findings of {@code rules}; SARIF gives paths relative to {@code sourceRoot} (--source-root). */
    private static Renderers<LintResult> findings(List<Rule> rules, boolean explain, Path sourceRoot) {
        return LintReport.renderers(explain, rules, (w, result) -> {
            Path cwd = Path.of("").toAbsolutePath();
            SarifReport.write(w, result, rules, version(), sourceRoot != null ? sourceRoot : repositoryRoot(cwd),
                    cwd, new SourceLines(cwd));
        });
    }

    private static void listRules(PrintWriter w, List<Rule> rules) {
        for (Rule r : rules) { // pooltags' own text: nothing to escape
            w.println(r.id() + "  " + r.severity().word() + "  " + r.name() + ": " + r.title());
            w.println("       " + r.help());
            w.println();
        }
    }

    /** What a folder holds, by extension, for the message when it holds no source ("12 files: .txt 5, .md 3"). */
    static String folderContents(Path dir) {
        java.util.Map<String, Integer> byExt = new java.util.TreeMap<>();
        int[] n = {0};
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            s.filter(java.nio.file.Files::isRegularFile).limit(100_000).forEach(f -> {
                n[0]++;
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                byExt.merge(dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "(no extension)", 1, Integer::sum);
            });
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "it cannot be listed (" + e.getMessage() + ")";
        }
        if (n[0] == 0) {
            return "it is empty";
        }
        StringBuilder sb = new StringBuilder("it holds " + n[0] + (n[0] == 1 ? " file" : " files") + " (");
        byExt.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return sb.append(byExt.size() > 6 ? ", ...)" : ")").toString();
    }

    private List<Rule> selectRules() {
        List<Rule> all = Rule.all();
        if (onlyRules.isEmpty()) {
            return all;
        }
        List<Rule> out = new ArrayList<>();
        for (String id : onlyRules) {
            Rule r = all.stream().filter(x -> x.id().equalsIgnoreCase(id.trim())).findFirst()
                    .orElseThrow(() -> new UsageException("unknown rule '" + id + "'; the rules are PT001 to PT009 "
                            + "(see --list-rules)"));
            if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The nearest folder at or above {@code cwd} that holds a .git entry, else {@code cwd}. */
    static Path repositoryRoot(Path cwd) {
        for (Path d = cwd; d != null; d = d.getParent()) {
            if (java.nio.file.Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return cwd;
    }

    private static String version() {
        String v = LintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
