package dev.pooltags.lint;

import dev.pooltags.source.TextFiles;
import dev.pooltags.tagdb.TagDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the lint over a set of source files in two passes, each parallel across files with a deterministic result:
 * <ol>
 *   <li>every file is tokenized once for its definitions, includes, file-scope names and called names;</li>
 *   <li>the files that call a pool routine, a macro wrapping one, NdisMRegisterMiniportDriver or
 *       ExInitializeDriverRuntime are tokenized again and their calls and pointer events collected, with the wrapper
 *       macros they can see;</li>
 * </ol>
 * then every rule looks at the whole, findings are de-duplicated (a macro body reached from many uses is reported
 * once) and marked when suppressed.
 */
public final class Linter {
    private static final Set<String> ALWAYS = Set.of("NdisMRegisterMiniportDriver", "ExInitializeDriverRuntime");
    private static final Set<String> CALLS_POOL = new HashSet<>(ALWAYS);

    static {
        for (PoolRoutine r : PoolRoutine.values()) {
            CALLS_POOL.add(r.routineName());
        }
    }

    private final List<Rule> rules;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Lints the files of a layout (reads them; the rules themselves never do). */
    public LintResult run(ProjectLayout layout, TagDatabase db) {
        Map<String, byte[]> texts = new ConcurrentHashMap<>();
        Map<String, FileFacts> first = new ConcurrentHashMap<>();
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile f : layout.files()) {
            files.put(f.display(), f);
        }
        layout.files().parallelStream().forEach(f -> {
            byte[] bytes = TextFiles.readAllBytes(f.path(), TextFiles.SOURCE);
            if (TextFiles.looksBinary(bytes)) {
                return;
            }
            Tokenizer.Result tr = Tokenizer.tokenize(bytes);
            FileFacts ff = FileScanner.scan(f.display(), "", tr, FileScanner.Macros.NONE, false, Suppressions.of(tr));
            first.put(f.display(), ff);
            for (String n : ff.calledNames()) {
                if (CALLS_POOL.contains(n)) {
                    // certain to need the second pass: keep its bytes (not its tokens, and not the bytes of the
                    // others: a collector copying a tree's worth of live tokens costs more than tokenizing twice)
                    texts.put(f.display(), bytes);
                    break;
                }
            }
        });
        Scope scope = new Scope(first, files);
        Set<String> wrappers = wrapperNames(first.values());
        Set<String> interesting = new HashSet<>(wrappers);
        interesting.addAll(ALWAYS);
        for (PoolRoutine r : PoolRoutine.values()) {
            interesting.add(r.routineName());
        }
        List<String> second = new ArrayList<>();
        for (FileFacts ff : first.values()) {
            for (String n : ff.calledNames()) {
                if (interesting.contains(n)) {
                    second.add(ff.file());
                    break;
                }
            }
        }
        second.sort(null);
        Map<String, FileFacts> full = new ConcurrentHashMap<>();
        second.parallelStream().forEach(f -> {
            byte[] bytes = texts.containsKey(f) ? texts.remove(f) : TextFiles.readAllBytes(files.get(f).path(), TextFiles.SOURCE);
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            FileScanner.Macros macros = name -> wrappers.contains(name) ? wrapper(scope, f, name, wrappers) : null;
            full.put(f, FileScanner.scan(f, text, Tokenizer.tokenize(bytes), macros, true,
                    first.get(f).suppressions()));
        });
        List<FileFacts> analysed = new ArrayList<>();
        for (String f : second) {
            analysed.add(full.get(f));
        }
        LintContext ctx = new LintContext(analysed, scope, db);
        Map<String, Finding> unique = new HashMap<>();
        for (Rule r : rules) {
            // one finding per rule and place: a macro body reached from many uses is reported once
            r.check(ctx, f -> unique.putIfAbsent(f.ruleId() + "|" + f.where() + "|" + f.where().endCol()
                    + (f.ruleId().equals("PT008") ? "|" + f.message() : ""), f));
        }
        List<Finding> findings = new ArrayList<>();
        for (Finding f : unique.values()) {
            findings.add(suppressed(scope, f) ? f.withSuppressed(true) : f);
        }
        findings.sort(null);
        long lines = 0;
        for (FileFacts ff : first.values()) {
            lines += ff.lines();
        }
        return new LintResult(List.copyOf(findings), TagInventory.of(ctx), first.size(), lines, layout.projects());
    }

    /** Silenced on its line in its file, or disabled for the whole file there or in a header it includes. */
    private static boolean suppressed(Scope scope, Finding f) {
        FileFacts ff = scope.facts(f.where().file());
        if (ff == null) {
            return false;
        }
        if (ff.suppressions().suppresses(f.ruleId(), f.where().line())) {
            return true;
        }
        for (String inc : scope.closure(f.where().file())) {
            FileFacts h = scope.facts(inc);
            if (h != null && h != ff && h.suppressions().disablesFileWide(f.ruleId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names of macros that call a pool routine, directly or through another such macro (a fixed point over every
     * definition in the scan; visibility is decided per file).
     */
    static Set<String> wrapperNames(Iterable<FileFacts> facts) {
        Map<String, List<Definition>> macros = new HashMap<>();
        for (FileFacts ff : facts) {
            for (Definition d : ff.definitions()) {
                if (d.kind() == Definition.Kind.DEFINE && !d.body().isEmpty()) {
                    macros.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<Definition>> e : macros.entrySet()) {
                if (out.contains(e.getKey())) {
                    continue;
                }
                for (Definition d : e.getValue()) {
                    if (callsPool(d, out)) {
                        out.add(e.getKey());
                        changed = true;
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean callsPool(Definition d, Set<String> known) {
        List<Token> b = d.body();
        if (!d.functionLike()) {
            // an alias: #define MyAlloc ExAllocatePoolWithTag
            return b.size() == 1 && b.get(0).isIdent() && (PoolRoutine.byName(b.get(0).text()) != null
                    || known.contains(b.get(0).text())) && !b.get(0).text().equals(d.name());
        }
        for (int k = 0; k + 1 < b.size(); k++) {
            Token t = b.get(k);
            if (t.isIdent() && b.get(k + 1).is("(") && !t.text().equals(d.name())
                    && (PoolRoutine.byName(t.text()) != null || known.contains(t.text()))) {
                return true;
            }
        }
        return false;
    }

    private static Definition wrapper(Scope scope, String file, String name, Set<String> wrappers) {
        for (Definition d : scope.lookupNear(file, name)) {
            if (d.kind() == Definition.Kind.DEFINE && callsPool(d, wrappers)) {
                return d;
            }
        }
        return null;
    }
}
