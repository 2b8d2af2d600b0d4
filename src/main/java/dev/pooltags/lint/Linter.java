package dev.pooltags.lint;

import dev.pooltags.project.Project;
import dev.pooltags.project.ProjectLayout;
import dev.pooltags.project.SourceFile;
import dev.pooltags.project.WrapperDeclaration;
import dev.pooltags.source.TextFiles;
import dev.pooltags.tagdb.TagDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the lint over a set of source files in two passes, each parallel across files, with a deterministic result
 * and memory that does not grow with the tokens of the tree:
 * <ol>
 *   <li>every file is tokenized once and indexed: definitions (kept as their text), includes, file-scope names, the
 *       names it calls, where it registers as a miniport or opts in to NX pool;</li>
 *   <li>the files that call a pool routine or a macro wrapping one are tokenized again and scanned; their calls and
 *       the pointer events of each function go to the rules as they are found, and are dropped once judged;</li>
 * </ol>
 * then every rule reports what needs the whole scan (places followed across files, shared tags, the calls written
 * inside macro definitions), findings are de-duplicated (a macro body reached from many uses is reported once),
 * kept to at most {@link Options#maxPerRuleAndFile} per rule and file, and marked when suppressed.
 */
public final class Linter {
    private static final Set<String> ALWAYS = Set.of("NdisMRegisterMiniportDriver", "StorPortInitialize",
            "VideoPortInitialize", "ExInitializeDriverRuntime");

    /**
     * How a run is done.
     *
     * @param inventory          keep every tag use for {@link LintResult#tagUses()} (the {@code --tags} listing);
     *                           without it the list is empty and costs no memory
     * @param maxPerRuleAndFile  findings kept per rule and file; the rest are counted in a notice (0: no limit)
     */
    public record Options(boolean inventory, int maxPerRuleAndFile) {
        public static final int DEFAULT_MAX = 1000;

        public static Options defaults() {
            return new Options(true, DEFAULT_MAX);
        }
    }

    private final List<Rule> rules;
    private final Options options;

    public Linter(List<Rule> rules) {
        this(rules, Options.defaults());
    }

    public Linter(List<Rule> rules, Options options) {
        this.rules = List.copyOf(rules);
        this.options = options;
    }

    /**
     * Lints the files of a layout, asking {@code source} for each file's bytes whenever a pass needs them (a pass
     * reads a file again rather than keeping every file in memory); {@link ProjectLayout#read} reads them from disk.
     */
    public LintResult run(ProjectLayout layout, TagDatabase db, Function<SourceFile, byte[]> source) {
        Map<String, SourceFile> files = new HashMap<>();
        for (SourceFile f : layout.files()) {
            files.put(f.display(), f);
        }
        Map<String, FileFacts> first = index(layout, source);
        Scope scope = new Scope(first, files);
        Set<String> wrappers = wrapperNames(first.values());
        Set<String> interesting = new HashSet<>(wrappers);
        interesting.addAll(ALWAYS);
        for (PoolRoutine r : PoolRoutine.values()) {
            interesting.add(r.routineName());
        }
        List<String> second = calling(first.values(), interesting);
        WrapperTable table = discoverWrappers(layout, source, scope, files, first, wrappers, second);
        Set<String> wrapperFunctions = table.names();
        if (!wrapperFunctions.isEmpty()) {
            interesting.addAll(wrapperFunctions);
            second = calling(first.values(), interesting);
        }

        LintContext.Run run = new LintContext.Run(scope, db);
        Collector collector = new Collector(options.maxPerRuleAndFile());
        List<Call> inDefinitions = Collections.synchronizedList(new ArrayList<>());
        List<TagUse> uses = Collections.synchronizedList(new ArrayList<>());
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        second.parallelStream().forEach(f -> {
            byte[] bytes = source.apply(files.get(f));
            FileScanner.Macros macros = name -> wrappers.contains(name) ? wrapper(scope, f, name, wrappers) : null;
            FileScanner.Wrappers functions = name -> table.find(scope, f, name);
            FileScanner.scan(f, Tokenizer.tokenize(bytes), defines(layout, files.get(f)), macros, functions,
                    checkingSink(run, collector, inDefinitions, uses, notices), first.get(f).suppressions());
        });
        List<Call> definitions = new ArrayList<>(inDefinitions);
        definitions.sort((a, b) -> a.callee().compareTo(b.callee()));
        LintContext last = new LintContext(run, definitions, List.of());
        check(last, collector, uses);
        for (Rule r : rules) {
            r.finish(last, collector.forRule(r));
        }

        List<Finding> findings = findings(scope, collector);
        long lines = 0;
        for (FileFacts ff : first.values()) {
            lines += ff.lines();
        }
        List<String> allNotices = new ArrayList<>(notices);
        allNotices.addAll(collector.overflowNotices());
        allNotices.sort(null);
        return new LintResult(List.copyOf(findings), TagInventory.sorted(uses), first.size(), lines, layout.projects(),
                List.copyOf(allNotices), table.all());
    }

    /** The symbols a file is compiled with, sure and maybe. */
    private static FileScanner.Defines defines(ProjectLayout layout, SourceFile f) {
        return new FileScanner.Defines(layout.defines(f), f.project().maybeDefined());
    }

    /** The first pass: every text file's index (binary files are left out), by how it is shown. */
    private static Map<String, FileFacts> index(ProjectLayout layout, Function<SourceFile, byte[]> source) {
        Map<String, FileFacts> first = new ConcurrentHashMap<>();
        layout.files().parallelStream().forEach(f -> {
            byte[] bytes = source.apply(f);
            if (TextFiles.looksBinary(bytes)) {
                return;
            }
            Tokenizer.Result tr = Tokenizer.tokenize(bytes);
            first.put(f.display(), FileScanner.index(f.display(), tr, defines(layout, f), Suppressions.of(tr)));
        });
        return first;
    }

    /**
     * Where the second pass sends what it extracts: calls are checked at once (those inside macro definitions are
     * kept for last), each function's pointer events are checked as a whole.
     */
    private FileScanner.Sink checkingSink(LintContext.Run run, Collector collector, List<Call> inDefinitions,
            List<TagUse> uses, List<String> notices) {
        return new FileScanner.Sink() {
            @Override
            public void calls(List<Call> calls) {
                List<Call> here = new ArrayList<>(calls.size());
                for (Call c : calls) {
                    if (c.inDefinition()) {
                        inDefinitions.add(c); // judged last, once every use of the macro is known
                    } else {
                        here.add(c);
                        if (c.calleeInMacroBody()) {
                            run.expandedCallees.add(c.callee());
                        }
                    }
                }
                check(new LintContext(run, here, List.of()), collector, uses);
            }

            @Override
            public void function(String function, List<PointerEvent> events, IntList blockParents,
                    boolean truncated) {
                if (truncated) {
                    notices.add(function + ": more than " + FileScanner.MAX_EVENTS + " pointer stores, allocations"
                            + " and frees; PT005 followed the first " + FileScanner.MAX_EVENTS);
                }
                check(new LintContext(run, List.of(), List.of(new FunctionEvents(function, events, blockParents,
                        truncated))), collector, null);
            }
        };
    }

    /** The findings collected, composed with their fixes, marked under conditions or suppressed, sorted. */
    private static List<Finding> findings(Scope scope, Collector collector) {
        List<Finding> findings = new ArrayList<>();
        for (Finding f : FixComposer.compose(new ArrayList<>(collector.unique.values()))) {
            Finding g = underConditions(scope, f);
            findings.add(suppressed(scope, g) ? g.withSuppressed(true) : g);
        }
        findings.sort(null);
        return findings;
    }

    /** The files that call one of {@code names} (by their index), sorted. */
    private static List<String> calling(java.util.Collection<FileFacts> facts, Set<String> names) {
        NameSet wanted = NameSet.of(names);
        List<String> out = new ArrayList<>();
        for (FileFacts ff : facts) {
            if (ff.calledNames().mayContainAny(wanted)) {
                out.add(ff.file());
            }
        }
        out.sort(null);
        return out;
    }

    /** Rounds of discovery: wrappers of pool routines, then wrappers of those, until no new one appears. */
    private static final int MAX_WRAPPER_ROUNDS = 8;

    private WrapperTable discoverWrappers(ProjectLayout layout, Function<SourceFile, byte[]> source, Scope scope,
            Map<String, SourceFile> files, Map<String, FileFacts> first, Set<String> macroNames, List<String> poolCallers) {
        List<WrapperTable.Declared> declared = new ArrayList<>();
        for (WrapperDeclaration d : layout.declaredWrappers()) {
            declared.add(new WrapperTable.Declared(d.root(), PoolWrapper.declared(d)));
        }
        Map<Location, PoolWrapper> known = new ConcurrentHashMap<>();
        WrapperTable table = new WrapperTable(List.of(), declared);
        List<String> toScan = poolCallers;
        for (int round = 0; round < MAX_WRAPPER_ROUNDS && !toScan.isEmpty(); round++) {
            WrapperTable current = table;
            Map<Location, PoolWrapper> found = new ConcurrentHashMap<>();
            toScan.parallelStream().forEach(f -> {
                byte[] bytes = source.apply(files.get(f));
                FileScanner.Macros macros = name -> macroNames.contains(name) ? wrapper(scope, f, name, macroNames) : null;
                Project p = scope.project(f);
                String projectId = p == null ? "?" : p.id();
                FileScanner.scan(f, Tokenizer.tokenize(bytes), defines(layout, files.get(f)), macros,
                        name -> current.find(scope, f, name),
                        new FileScanner.Sink() {
                            @Override
                            public void calls(List<Call> calls) {
                            }

                            @Override
                            public void function(String function, List<PointerEvent> events, IntList blockParents,
                                    boolean truncated) {
                            }

                            @Override
                            public void wrapper(PoolWrapper w) {
                                found.put(w.definedAt(), w.inProject(projectId));
                            }
                        }, first.get(f).suppressions());
            });
            Set<String> fresh = new HashSet<>();
            for (PoolWrapper w : found.values()) {
                PoolWrapper had = known.put(w.definedAt(), w);
                if (had == null || !had.sameAs(w)) {
                    fresh.add(w.routineName());
                }
            }
            table = new WrapperTable(known.values(), declared);
            List<String> next = fresh.isEmpty() ? List.of() : calling(first.values(), fresh);
            toScan = next;
        }
        return table;
    }

    private void check(LintContext ctx, Collector collector, List<TagUse> uses) {
        if (ctx.calls().isEmpty() && ctx.functions().isEmpty()) {
            return;
        }
        for (Rule r : rules) {
            r.check(ctx, collector.forRule(r));
        }
        if (options.inventory() && uses != null) {
            uses.addAll(TagInventory.uses(ctx));
        }
    }

    /**
     * Gathers findings from every thread: one per rule and place (a macro body reached from many uses is reported
     * once; of two findings for one place the first in sort order is kept, whatever the thread order), at most
     * {@code max} per rule and file.
     */
    private static final class Collector {
        final Map<String, Finding> unique = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> perFile = new ConcurrentHashMap<>();
        final int max;

        Collector(int max) {
            this.max = max;
        }

        Consumer<Finding> forRule(Rule r) {
            return this::accept;
        }

        void accept(Finding f) {
            String key = f.ruleId() + "|" + f.where() + "|" + f.where().endCol()
                    + (f.ruleId().equals("PT008") ? "|" + f.message() : "");
            Finding had = unique.get(key);
            if (had != null) {
                if (f.compareTo(had) < 0) {
                    unique.merge(key, f, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
                return;
            }
            AtomicInteger n = perFile.computeIfAbsent(f.where().file() + "|" + f.ruleId(), k -> new AtomicInteger());
            if (max > 0 && n.incrementAndGet() > max) {
                return;
            }
            unique.merge(key, f, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }

        List<String> overflowNotices() {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, AtomicInteger> e : perFile.entrySet()) {
                int n = e.getValue().get();
                if (max > 0 && n > max) {
                    int bar = e.getKey().lastIndexOf('|');
                    out.add(e.getKey().substring(0, bar) + ": " + (n - max) + " more " + e.getKey().substring(bar + 1)
                            + " findings not listed (at most " + max + " per rule and file)");
                }
            }
            return out;
        }
    }

    /**
     * The finding with the {@code #if} conditions its lines are compiled under named, when the sources cannot decide
     * them: {@code (compiled only if DBG)}, and the related places' own where they differ.
     */
    private static Finding underConditions(Scope scope, Finding f) {
        List<String> own = conditions(scope, f.where());
        Set<String> others = new java.util.LinkedHashSet<>();
        for (Finding.Related r : f.related()) {
            for (String c : conditions(scope, r.where())) {
                if (!own.contains(c)) {
                    others.add(c);
                }
            }
        }
        if (own.isEmpty() && others.isEmpty()) {
            return f;
        }
        StringBuilder sb = new StringBuilder(f.message()).append(" (");
        if (!own.isEmpty()) {
            sb.append("compiled only if ").append(String.join(" && ", own));
        }
        if (!others.isEmpty()) {
            sb.append(own.isEmpty() ? "" : "; ").append("a related line only if ").append(String.join(" && ", others));
        }
        return f.withMessage(sb.append(')').toString());
    }

    private static List<String> conditions(Scope scope, Location where) {
        FileFacts ff = scope.facts(where.file());
        return ff == null ? List.of() : ff.conditionsAt(where.line());
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
                if (d.kind() == Definition.Kind.DEFINE && !d.callees().isEmpty()) {
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
        for (String n : d.callees()) {
            if (!n.equals(d.name()) && (PoolRoutine.byName(n) != null || known.contains(n))) {
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
