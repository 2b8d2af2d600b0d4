package dev.pooltags.cli;

import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Linter;
import dev.pooltags.project.ProjectLayout;
import dev.pooltags.source.InputException;
import dev.pooltags.lint.Rule;
import dev.pooltags.core.Severity;
import dev.pooltags.output.OutputFile;
import dev.pooltags.report.LintReport;
import dev.pooltags.report.SarifReport;
import dev.pooltags.report.TagInventoryReport;
import dev.pooltags.source.SourceLines;
import dev.pooltags.source.TerminalText;
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
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Finds pool-tag mistakes in Windows driver C/C++ sources: strings passed as tags, default and "
                + "meaningless tags, untagged and deprecated allocators, frees with a different tag than the allocation, "
                + "executable nonpaged pool, NDIS miniports calling the kernel allocator, and tag hygiene. Token-based: "
                + "no compiler, no WDK headers.", ""},
        footer = {"", "Formats: text (file(line,col): warning PT005: ...), json, sarif (SARIF 2.1.0). With --tags: text,",
                "json, csv, localtag (a local tag file 'lookup --localtag' and PoolMon read).",
                "Suppress a finding with '// pooltags: ignore PT005' on its line (or alone on the line before), or",
                "#pragma warning(suppress: 28134) for the matching Code Analysis warning.",
                "", "Examples:",
                "  pooltags lint src/driver",
                "  pooltags lint . --format sarif -o lint.sarif --tagfile pooltag.txt",
                "  pooltags lint --tags src/driver --format localtag -o localtag.txt",
                "", "Exit status: 0 nothing at or above --fail-on (default: error), 1 findings at or above it,",
                "2 usage error, 3 unreadable input."})
public final class LintCommand extends Subcommand {
    enum Format { text, json, sarif, csv, localtag }

    enum FailOn { error, warning, note, none }



    @Mixin
    TagFileOptions tagFiles;

    @Mixin
    OutputOption output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif; with --tags: text, json, csv, localtag.")
    Format format = Format.text;

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
        if (listWrappers && (tags || format == Format.sarif || format == Format.csv || format == Format.localtag)) {
            throw new UsageException("--wrappers writes text or json, and not together with --tags");
        }
        if (tags && format == Format.sarif) {
            throw new UsageException("--tags writes text, json, csv or localtag, not sarif");
        }
        if (!tags && (format == Format.csv || format == Format.localtag)) {
            throw new UsageException("--format " + format + " is for --tags; findings are text, json or sarif");
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
            out.write(stdout, w -> {
                if (format == Format.json) {
                    LintReport.wrappersJson(w, result.wrappers());
                } else {
                    LintReport.wrappersText(TerminalText.writer(w), result.wrappers());
                }
            });
            return ExitCode.OK;
        }
        if (tags) {
            out.write(stdout, w -> {
                switch (format) {
                    case json -> TagInventoryReport.json(w, result.tagUses());
                    case csv -> TagInventoryReport.csv(w, result.tagUses());
                    case localtag -> TagInventoryReport.localTag(w, result.tagUses(), "pooltags lint --tags");
                    default -> TagInventoryReport.text(TerminalText.writer(w), result.tagUses());
                }
            });
            return ExitCode.OK;
        }
        out.write(stdout, w -> {
            switch (format) {
                case json -> LintReport.json(w, result);
                case sarif -> {
                    Path cwd = Path.of("").toAbsolutePath();
                    SarifReport.write(w, result, rules, version(), sourceRoot != null ? sourceRoot : repositoryRoot(cwd),
                            cwd, new SourceLines(cwd));
                }
                default -> LintReport.text(TerminalText.writer(w), result, explain, id -> rules.stream().filter(r -> r.id().equals(id))
                        .findFirst().map(Rule::help).orElse(""));
            }
        });
        if (failOn == FailOn.none) {
            return ExitCode.OK;
        }
        Severity gate = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
        return result.active().stream().anyMatch(f -> f.severity().atLeast(gate)) ? ExitCode.FINDINGS : ExitCode.OK;
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
