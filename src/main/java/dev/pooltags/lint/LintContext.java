package dev.pooltags.lint;

import dev.pooltags.tagdb.TagDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules look at, read-only: the facts of every file that calls a pool routine, the scope that
 * resolves names, the projects, and the tag database (empty when none was given).
 */
public final class LintContext {
    /** How a project stands on no-execute nonpaged pool. */
    public record NxStatus(boolean optedIn, String why) {
    }

    private final List<FileFacts> files;
    private final Scope scope;
    private final Evaluator evaluator;
    private final TagDatabase db;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, NxStatus> nx = new HashMap<>();
    private final Map<String, Location> miniports = new HashMap<>();
    private final Map<String, Location> nxRuntimeCalls = new HashMap<>();
    private final java.util.Set<Location> expandedCallees = new java.util.HashSet<>();

    public LintContext(List<FileFacts> files, Scope scope, TagDatabase db) {
        this.files = files;
        this.scope = scope;
        this.evaluator = new Evaluator(scope);
        this.db = db;
        for (FileFacts f : files) {
            for (Call c : f.calls()) {
                Project p = scope.project(c.inDefinition() ? c.callee().file() : c.file());
                if (p == null || !p.userMode()) {
                    calls.add(c); // user-mode code has no kernel pool
                }
            }
            for (Call c : f.calls()) {
                if (c.calleeInMacroBody()) {
                    expandedCallees.add(c.callee());
                }
            }
            for (Project p : scope.projects(f.file())) {
                // a source file shared by several drivers registers, or opts in, for each of them
                if (f.nxRuntimeCall() != null) {
                    nxRuntimeCalls.putIfAbsent(p.id(), f.nxRuntimeCall());
                }
                if (f.miniportCall() != null) {
                    miniports.putIfAbsent(p.id(), f.miniportCall());
                }
            }
        }
    }

    public List<FileFacts> files() {
        return files;
    }

    /** The calls that give a block or a lookaside list its tag (frees only repeat one), file by file. */
    public List<Call> taggedAllocations() {
        return calls.stream().filter(c -> c.routine().kind() != PoolRoutine.Kind.FREE && c.routine().tagArg() >= 0)
                .toList();
    }

    /** Every pool-routine call, file by file in file order. */
    public List<Call> calls() {
        return calls;
    }

    public Scope scope() {
        return scope;
    }

    public TagDatabase tagDatabase() {
        return db;
    }

    /**
     * True for a call inside a macro definition that some use of the macro reaches: project-dependent rules judge
     * it at the uses, where the project is known.
     */
    public boolean reachedByExpansion(Call c) {
        return c.inDefinition() && expandedCallees.contains(c.callee());
    }

    /** The value of an argument, seen from the file that wrote it. */
    public Value value(Call c, Arg a) {
        if (a == null) {
            return Value.UNKNOWN;
        }
        return evaluator.eval(a.tokens(), a.where().file(), c.unknowns());
    }

    /** The value of a call's tag argument (unknown for the untagged routines). */
    public Value tag(Call c) {
        return value(c, c.arg(c.routine().tagArg()));
    }

    /** The project a call belongs to: that of the file it is written in. */
    public Project project(Call c) {
        return scope.project(c.inDefinition() ? c.callee().file() : c.file());
    }

    /** Where an NDIS miniport registers, for the project, or null when it is no miniport. */
    public Location miniport(Project p) {
        return p == null ? null : miniports.get(p.id());
    }

    /**
     * Whether NonPagedPool means NX pool in the project: {@code POOL_NX_OPTIN_AUTO} defined, or {@code POOL_NX_OPTIN}
     * defined and {@code ExInitializeDriverRuntime(DrvRtPoolNxOptIn)} called.
     */
    public NxStatus nx(Project p) {
        if (p == null) {
            return new NxStatus(false, "");
        }
        return nx.computeIfAbsent(p.id(), k -> computeNx(p));
    }

    private NxStatus computeNx(Project p) {
        boolean auto = p.nxAuto();
        boolean optIn = p.nxOptIn();
        List<String> evidence = new ArrayList<>(p.nxDefines());
        Location runtime = null;
        for (String f : scope.projectFiles(p.id())) {
            FileFacts ff = scope.facts(f);
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
        runtime = nxRuntimeCalls.get(p.id());
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
        return d.body().size() == 1 && d.body().get(0).text().equals("0");
    }
}
