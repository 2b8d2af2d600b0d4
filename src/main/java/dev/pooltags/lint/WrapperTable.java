package dev.pooltags.lint;

import dev.pooltags.project.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wrapper functions of a scan, by name, and which one a call in a given file means. A name is looked up among
 * the wrappers a {@code .pooltags.yml} above the file declares, then those of the file's own project (linked with
 * it), then those defined in a header the file includes; a name that several different wrappers share there means
 * none of them, and a function of another driver is not this one's.
 */
final class WrapperTable {
    /** A wrapper declared for the files below a folder. */
    record Declared(String root, PoolWrapper wrapper) {
    }

    private final Map<String, List<PoolWrapper>> byName = new HashMap<>();
    private final List<Declared> declared;

    WrapperTable(Collection<PoolWrapper> inferred, List<Declared> declared) {
        for (PoolWrapper w : inferred) {
            byName.computeIfAbsent(w.routineName(), k -> new ArrayList<>()).add(w);
        }
        for (List<PoolWrapper> l : byName.values()) {
            l.sort((a, b) -> a.definedAt().compareTo(b.definedAt()));
        }
        this.declared = declared;
    }

    /** Every wrapper, declared ones first, then by where they are defined. */
    List<PoolWrapper> all() {
        List<PoolWrapper> out = new ArrayList<>();
        for (Declared d : declared) {
            out.add(d.wrapper());
        }
        List<PoolWrapper> inferred = new ArrayList<>();
        byName.values().forEach(inferred::addAll);
        inferred.sort((a, b) -> a.definedAt().compareTo(b.definedAt()));
        out.addAll(inferred);
        return out;
    }

    /** Every name that is some wrapper's. */
    java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.HashSet<>(byName.keySet());
        for (Declared d : declared) {
            out.add(d.wrapper().routineName());
        }
        return out;
    }

    /** The wrapper {@code name} means in {@code file}, or null. */
    PoolWrapper find(Scope scope, String file, String name) {
        for (Declared d : declared) {
            if (d.wrapper().routineName().equals(name) && (d.root().isEmpty() || file.startsWith(d.root()))) {
                return d.wrapper();
            }
        }
        List<PoolWrapper> all = byName.get(name);
        if (all == null) {
            return null;
        }
        Project p = scope.project(file);
        List<PoolWrapper> own = new ArrayList<>();
        List<PoolWrapper> included = new ArrayList<>();
        List<String> closure = null;
        for (PoolWrapper w : all) {
            if (p != null && p.id().equals(w.project())) {
                own.add(w);
            } else {
                if (closure == null) {
                    closure = scope.closure(file);
                }
                if (closure.contains(w.definedAt().file())) {
                    included.add(w); // an inline function of a header the file includes
                }
            }
        }
        PoolWrapper w = one(own);
        return w != null || !own.isEmpty() ? w : one(included);
    }

    private static PoolWrapper one(List<PoolWrapper> ws) {
        if (ws.isEmpty()) {
            return null;
        }
        for (PoolWrapper w : ws) {
            if (!w.sameAs(ws.get(0))) {
                return null;
            }
        }
        return ws.get(0);
    }

}
