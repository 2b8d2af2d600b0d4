package dev.pooltags.lint;

import dev.pooltags.project.Project;
import dev.pooltags.tagdb.TagDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a rule looks at, read-only: one piece of the scan (some pool-routine calls of one file, or the pointer events
 * of functions that just ended, or at the end the calls written inside macro definitions), and what the whole run
 * shares: the scope that resolves names, the projects' NX and miniport status, the tag database, and a place for
 * each rule to keep what it needs across files ({@link #state}). Rules are called for many pieces, from several
 * threads at once; the state they keep must be thread-safe.
 */
public final class LintContext {
    /** How a project stands on no-execute nonpaged pool. */
    public record NxStatus(boolean optedIn, String why) {
    }

    /** What a run shares. */
    static final class Run {
        final Scope scope;
        final Evaluator evaluator;
        final TagDatabase db;
        final Map<String, NxStatus> nx = new ConcurrentHashMap<>();
        final Map<String, Miniport.Registration> miniports = new ConcurrentHashMap<>();
        final Map<String, Location> nxRuntimeCalls = new ConcurrentHashMap<>();
        final Set<Location> expandedCallees = ConcurrentHashMap.newKeySet();
        final Map<Rule, Object> states = new ConcurrentHashMap<>();

        Run(Scope scope, TagDatabase db) {
            Set<String> virtual = new java.util.HashSet<>();
            this.scope = scope;
            this.evaluator = new Evaluator(scope);
            this.db = db;
            for (String file : scope.allFiles()) {
                FileFacts f = scope.facts(file);
                for (Project p : scope.projects(file)) {
                    // a source file shared by several drivers registers, or opts in, for each of them
                    if (f.nxRuntimeCall() != null) {
                        nxRuntimeCalls.merge(p.id(), f.nxRuntimeCall(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                    }
                    if (f.miniportCall() != null) {
                        miniports.merge(p.id(), f.miniportCall(), (a, b) -> a.where().compareTo(b.where()) <= 0 ? a : b);
                    }
                    if (f.virtualMiniport()) {
                        virtual.add(p.id());
                    }
                }
            }
            // the HwStorPortProhibitedDDIs rule is for physical Storport miniports; a virtual one may call the kernel
            miniports.entrySet().removeIf(e -> e.getValue().port() == Miniport.STORPORT && virtual.contains(e.getKey()));
        }
    }

    private final Run run;
    private final List<Call> calls;
    private final List<FunctionEvents> functions;

    LintContext(Run run, List<Call> calls, List<FunctionEvents> functions) {
        this.run = run;
        List<Call> kernel = new ArrayList<>(calls.size());
        for (Call c : calls) {
            Project p = run.scope.project(c.inDefinition() ? c.callee().file() : c.file());
            if (p == null || !p.userMode()) {
                kernel.add(c); // user-mode code has no kernel pool
            }
        }
        this.calls = kernel;
        this.functions = functions;
    }

    /** The pointer events of the functions in this piece. */
    public List<FunctionEvents> functions() {
        return functions;
    }

    /** The calls that give a block or a lookaside list its tag (frees only repeat one). */
    public List<Call> taggedAllocations() {
        return calls.stream().filter(c -> c.routine().kind() != PoolRoutine.Kind.FREE && c.routine().tagArg() >= 0)
                .toList();
    }

    /** Every pool-routine call of this piece, in file order. */
    public List<Call> calls() {
        return calls;
    }

    /**
     * The calls of any of {@code routines}, in file order, each once: a call written inside a macro's body is
     * reported at the macro's definition, not again at every use of the macro.
     */
    public List<Call> callsToReportOf(Set<? extends Routine> routines) {
        return calls.stream().filter(c -> !c.calleeInMacroBody() && routines.contains(c.routine())).toList();
    }

    public Scope scope() {
        return run.scope;
    }

    public TagDatabase tagDatabase() {
        return run.db;
    }

    /**
     * The rule's own state for this run, made by {@code init} on first use; shared by every piece and thread, so it
     * must be thread-safe.
     */
    @SuppressWarnings("unchecked")
    public <T> T state(Rule rule, Supplier<T> init) {
        return (T) run.states.computeIfAbsent(rule, r -> init.get());
    }

    /**
     * True for a call inside a macro definition that some use of the macro reaches: project-dependent rules judge
     * it at the uses, where the project is known. Complete once every file has been scanned (the definitions' calls
     * are judged last).
     */
    public boolean reachedByExpansion(Call c) {
        return c.inDefinition() && run.expandedCallees.contains(c.callee());
    }

    /** The value of an argument, seen from the file that wrote it. */
    public Value value(Call c, Arg a) {
        if (a == null) {
            return Value.UNKNOWN;
        }
        return run.evaluator.eval(a.tokens(), a.where().file(), c.unknowns());
    }

    /** The value of a call's tag argument (unknown for the untagged routines). */
    public Value tag(Call c) {
        return value(c, c.arg(c.routine().tagArg()));
    }

    /** The project a call belongs to: that of the file it is written in. */
    public Project project(Call c) {
        return run.scope.project(c.inDefinition() ? c.callee().file() : c.file());
    }

    /** Where the project registers as an NDIS, Storport or video port miniport, or null when it is none. */
    public Miniport.Registration miniport(Project p) {
        return p == null ? null : run.miniports.get(p.id());
    }

    /**
     * Whether NonPagedPool means NX pool in the project: {@code POOL_NX_OPTIN_AUTO} defined, or {@code POOL_NX_OPTIN}
     * defined and {@code ExInitializeDriverRuntime(DrvRtPoolNxOptIn)} called.
     */
    public NxStatus nx(Project p) {
        if (p == null) {
            return new NxStatus(false, "");
        }
        return run.nx.computeIfAbsent(p.id(), k -> computeNx(p));
    }

    private NxStatus computeNx(Project p) {
        boolean auto = p.nxAuto();
        boolean optIn = p.nxOptIn();
        List<String> evidence = new ArrayList<>(p.nxDefines());
        for (String f : run.scope.projectFiles(p.id())) {
            FileFacts ff = run.scope.facts(f);
            for (Definition d : ff.definitions()) {
                if (d.kind() == Definition.Kind.DEFINE && !d.functionLike()) {
                    if (d.name().equals("POOL_NX_OPTIN_AUTO") && !isZero(d)) {
                        auto = true;
                        evidence.add("#define POOL_NX_OPTIN_AUTO at " + d.where());
                    } else if (d.name().equals("POOL_NX_OPTIN") && !isZero(d)) {
                        optIn = true;
                        evidence.add("#define POOL_NX_OPTIN at " + d.where());
                    }
                }
            }
        }
        Location runtime = run.nxRuntimeCalls.get(p.id());
        if (auto) {
            return new NxStatus(true, "POOL_NX_OPTIN_AUTO");
        }
        if (optIn && runtime != null) {
            return new NxStatus(true, "POOL_NX_OPTIN with ExInitializeDriverRuntime at " + runtime);
        }
        if (optIn) {
            return new NxStatus(false, "POOL_NX_OPTIN is defined (" + String.join("; ", evidence)
                    + ") but nothing in " + p.id() + " calls ExInitializeDriverRuntime(DrvRtPoolNxOptIn), so it stays executable");
        }
        if (runtime != null) {
            return new NxStatus(false, "ExInitializeDriverRuntime(DrvRtPoolNxOptIn) is called at " + runtime
                    + " but POOL_NX_OPTIN is not defined for " + p.id() + ", so the NonPagedPool name is not redirected");
        }
        return new NxStatus(false, p.id() + " defines neither POOL_NX_OPTIN_AUTO nor POOL_NX_OPTIN");
    }

    private static boolean isZero(Definition d) {
        List<Token> b = d.body();
        return b.size() == 1 && b.get(0).text().equals("0");
    }
}
