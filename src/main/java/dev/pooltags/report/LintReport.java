package dev.pooltags.report;

import dev.pooltags.source.TerminalText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.lint.Finding;
import dev.pooltags.lint.Fix;
import dev.pooltags.lint.LintResult;
import dev.pooltags.lint.Location;
import dev.pooltags.lint.PoolWrapper;
import dev.pooltags.lint.Rule;
import dev.pooltags.core.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders lint findings as compiler-style text ({@code file(line,col): warning PT005: message}, which Visual Studio,
 * VS Code and most CI logs turn into links) or as JSON. The JSON layout is stable:
 * {@code {"files", "lines", "findings": [{rule, level, file, line, column, endLine, endColumn, message, fix?, related}],
 * "suppressed", "notices"}}; notices say what the run could not do in full (a limit reached).
 */
public final class LintReport {
    private LintReport() {}

    /**
     * The formats of lint findings: text (the default, terminal-safe; with each rule's help under its findings when
     * {@code explain}), json, and sarif, which {@code sarif} writes (it needs where the sources are, which the
     * command knows).
     */
    public static Renderers<LintResult> renderers(boolean explain, List<Rule> rules, Renderer<LintResult> sarif) {
        return Renderers.<LintResult>of("text", (out, r) -> text(TerminalText.writer(out), r, explain,
                id -> rules.stream().filter(x -> x.id().equals(id)).findFirst().map(Rule::help).orElse("")))
                .and("json", LintReport::json).and("sarif", sarif);
    }

    /** The formats of {@code lint --wrappers}: text (the default, terminal-safe) and json. */
    public static final Renderers<List<PoolWrapper>> WRAPPERS = Renderers.<List<PoolWrapper>>of("text",
            (out, wrappers) -> wrappersText(TerminalText.writer(out), wrappers)).and("json", LintReport::wrappersJson);

    public static void text(PrintWriter out, LintResult r, boolean showHelp, java.util.function.Function<String, String> help) {
        List<Finding> active = r.active();
        for (Finding f : active) {
            Location w = f.where();
            // each finding is one line whatever its file name or message holds: an IDE parses these lines
            out.println(TerminalText.escape(w.file() + "(" + w.line() + "," + w.col() + "): " + f.severity().word() + " "
                    + f.ruleId() + ": " + f.message()));
            for (Finding.Related rel : f.related()) {
                out.println("    " + TerminalText.escape(rel.where() + ": note: " + rel.message()));
            }
            if (f.flow().size() > 2) {
                // the steps inside wrapper functions, between the allocation and the free
                for (Finding.Related step : f.flow().subList(1, f.flow().size())) {
                    out.println("    " + step.where() + ": via: " + step.message());
                }
            }
            if (f.fix() != null) {
                for (Fix.Replacement rep : f.fix().replacements()) {
                    out.println("    fix: " + TerminalText.escape(f.fix().description() + ": " + rep.text()));
                }
            }
            if (showHelp) {
                out.println("    help: " + help.apply(f.ruleId()));
            }
        }
        for (String n : r.notices()) {
            out.println("notice: " + n);
        }
        long errors = active.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = active.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long notes = active.stream().filter(f -> f.severity() == Severity.NOTE).count();
        out.printf("%d findings (%d errors, %d warnings, %d notes) in %,d files, %,d lines; %d suppressed%n",
                active.size(), errors, warnings, notes, r.files(), r.lines(), r.suppressedCount());
        out.flush();
    }

    public static void json(PrintWriter out, LintResult r) {
        ObjectNode root = Json.object();
        root.put("files", r.files());
        root.put("lines", r.lines());
        Json.<Finding>objects(root, "findings", r.active(), (o, f) -> {
            o.put("rule", f.ruleId());
            o.put("level", f.severity().word());
            location(o, f.where());
            o.put("message", f.message());
            if (f.fix() != null) {
                ObjectNode fx = o.putObject("fix");
                fx.put("description", f.fix().description());
                Json.<Fix.Replacement>objects(fx, "replacements", f.fix().replacements(), (ro, rep) -> {
                    location(ro, rep.region());
                    ro.put("text", rep.text());
                });
            }
            related(o, "related", f.related());
            if (!f.flow().isEmpty()) {
                related(o, "flow", f.flow());
            }
        });
        root.put("suppressed", r.suppressedCount());
        ArrayNode notices = root.putArray("notices");
        r.notices().forEach(notices::add);
        Json.write(out, root);
    }

    /** The wrapper functions as a table: what each does, how it takes its tag, where it is. */
    public static void wrappersText(PrintWriter out, List<PoolWrapper> wrappers) {
        TextTable t = new TextTable("Function", "Kind", "Tag", "Routine", "Where", "How");
        for (PoolWrapper w : wrappers) {
            t.row(w.routineName(), kind(w), w.tagDescription(), w.base().routineName(), w.definedAt().toString(),
                    w.declared() ? "declared" : "found");
        }
        t.print(out, true);
        out.printf("%d wrapper functions%n", wrappers.size());
        out.flush();
    }

    /** Places that explain a finding or a wrapper, each with its message. */
    private static void related(ObjectNode o, String name, List<Finding.Related> places) {
        Json.<Finding.Related>objects(o, name, places, (ro, x) -> {
            location(ro, x.where());
            ro.put("message", x.message());
        });
    }

    public static void wrappersJson(PrintWriter out, List<PoolWrapper> wrappers) {
        ObjectNode root = Json.object();
        Json.<PoolWrapper>objects(root, "wrappers", wrappers, (o, w) -> {
            o.put("function", w.routineName());
            o.put("kind", kind(w));
            o.put("tag", w.tagDescription());
            o.put("routine", w.base().routineName());
            location(o, w.definedAt());
            o.put("declared", w.declared());
            related(o, "through", w.through());
        });
        Json.write(out, root);
    }

    private static String kind(PoolWrapper w) {
        return switch (w.kind()) {
            case ALLOCATE -> "allocate";
            case ALLOCATE_OUT -> "allocate-out (argument " + (w.pointerArg() + 1) + ")";
            case FREE -> "free (argument " + (w.pointerArg() + 1) + ")";
            case LOOKASIDE -> "lookaside";
            default -> w.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void location(ObjectNode o, Location w) {
        o.put("file", w.file());
        o.put("line", w.line());
        o.put("column", w.col());
        o.put("endLine", w.endLine());
        o.put("endColumn", w.endCol());
    }
}
