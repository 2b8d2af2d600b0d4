package dev.pooltags.lint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which definitions a file sees. A name is looked up in the file, then in the files it includes (transitively,
 * breadth first: nearer includes win), then among the other files of its project, then anywhere in the scan. An
 * {@code #include "x.h"} is found beside the including file, else in the project's include folders
 * (AdditionalIncludeDirectories, INCLUDES), else as the file of that name (path suffix, any case, as on Windows)
 * nearest to it in the folder tree.
 */
public final class Scope {
    private static final int MAX_CLOSURE = 600;

    private final Map<String, FileFacts> facts;
    private final Map<String, SourceFile> files;
    private final Map<String, List<String>> byBaseName = new HashMap<>();
    private final Map<String, Map<String, List<Definition>>> definitionsByFile = new HashMap<>();
    private final Map<String, List<Definition>> definitionsByName = new HashMap<>();
    private final Map<String, List<String>> filesByProject = new HashMap<>();
    private final Map<String, List<String>> closures = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> projectGlobals = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> classMembers = new HashMap<>();
    private final Map<String, Integer> memberOwners = new HashMap<>();

    public Scope(Map<String, FileFacts> facts, Map<String, SourceFile> files) {
        this.facts = facts;
        this.files = files;
        for (String f : facts.keySet()) {
            byBaseName.computeIfAbsent(baseName(f), k -> new ArrayList<>()).add(f);
            Map<String, List<Definition>> m = new HashMap<>();
            for (Definition d : facts.get(f).definitions()) {
                m.computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
                definitionsByName.computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
            }
            definitionsByFile.put(f, m);
            facts.get(f).members().forEach((c, names) -> classMembers.computeIfAbsent(c, k -> new HashSet<>())
                    .addAll(names));
            SourceFile sf = files.get(f);
            if (sf != null) {
                for (Project p : sf.projects()) {
                    filesByProject.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        for (Set<String> names : classMembers.values()) {
            for (String n : names) {
                memberOwners.merge(n, 1, Integer::sum);
            }
        }
        for (List<String> l : byBaseName.values()) {
            l.sort(null);
        }
        for (List<String> l : filesByProject.values()) {
            l.sort(null);
        }
    }

    private static String baseName(String f) {
        int slash = f.lastIndexOf('/');
        return f.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    private static String dir(String f) {
        int slash = f.lastIndexOf('/');
        return slash < 0 ? "" : f.substring(0, slash + 1);
    }

    public FileFacts facts(String file) {
        return facts.get(file);
    }

    public SourceFile file(String file) {
        return files.get(file);
    }

    public Project project(String file) {
        SourceFile sf = files.get(file);
        return sf == null ? null : sf.project();
    }

    /** Every project that builds the file (empty when it is unknown). */
    public List<Project> projects(String file) {
        SourceFile sf = files.get(file);
        return sf == null ? List.of() : sf.projects();
    }

    /** The files of a project (also those it shares with others), sorted. */
    public List<String> projectFiles(String projectId) {
        return filesByProject.getOrDefault(projectId, List.of());
    }

    /** The scanned file an include names, seen from {@code from}, or null. */
    public String resolveInclude(String from, String include) {
        String inc = include.replace('\\', '/');
        while (inc.startsWith("./")) {
            inc = inc.substring(2);
        }
        String direct = normalize(dir(from) + inc);
        if (facts.containsKey(direct)) {
            return direct;
        }
        Project p = project(from);
        if (p != null) {
            for (String d : p.includeDirs()) {
                String viaPath = normalize(d + inc);
                if (facts.containsKey(viaPath)) {
                    return viaPath; // the project's include path, as the compiler searches it
                }
            }
        }
        List<String> candidates = byBaseName.get(baseName(inc));
        if (candidates == null) {
            return null;
        }
        String suffix = "/" + inc.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = -1;
        for (String c : candidates) {
            String lc = "/" + c.toLowerCase(Locale.ROOT);
            if (!lc.endsWith(suffix)) {
                continue;
            }
            int score = commonPrefix(dir(from), dir(c));
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String normalize(String p) {
        Deque<String> parts = new ArrayDeque<>();
        boolean leadingUp = false;
        List<String> ups = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else {
                    parts.addLast("..");
                    leadingUp = true;
                }
            } else {
                parts.addLast(s);
            }
        }
        ups.addAll(parts);
        String joined = String.join("/", ups);
        return p.startsWith("/") && !leadingUp ? "/" + joined : joined;
    }

    /** The file and everything it includes, breadth first, the file itself first. */
    public List<String> closure(String file) {
        return closures.computeIfAbsent(file, f -> {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>();
            seen.add(f);
            queue.add(f);
            while (!queue.isEmpty() && seen.size() < MAX_CLOSURE) {
                String cur = queue.poll();
                FileFacts ff = facts.get(cur);
                if (ff == null) {
                    continue;
                }
                for (String inc : ff.includes()) {
                    String r = resolveInclude(cur, inc);
                    if (r != null && seen.add(r)) {
                        queue.add(r);
                    }
                }
            }
            return List.copyOf(seen);
        });
    }

    /**
     * The definitions of {@code name} that {@code file} sees: all those of the nearest file that has any (several
     * when {@code #if} branches define it differently), else the project's, else the whole scan's.
     */
    public List<Definition> lookup(String file, String name) {
        for (String f : closure(file)) {
            Map<String, List<Definition>> m = definitionsByFile.get(f);
            List<Definition> d = m == null ? null : m.get(name);
            if (d != null) {
                return d;
            }
        }
        List<Definition> all = definitionsByName.get(name);
        if (all == null) {
            return List.of();
        }
        Project p = project(file);
        if (p != null) {
            List<Definition> inProject = new ArrayList<>();
            for (Definition d : all) {
                Project dp = project(d.file());
                if (dp != null && dp.id().equals(p.id())) {
                    inProject.add(d);
                }
            }
            if (!inProject.isEmpty()) {
                return inProject;
            }
        }
        return all;
    }

    /** The definitions of {@code name} within the file's include closure and project only (for macros). */
    public List<Definition> lookupNear(String file, String name) {
        List<Definition> d = lookup(file, name);
        if (d.isEmpty()) {
            return d;
        }
        Project p = project(file);
        Set<String> near = new HashSet<>(closure(file));
        List<Definition> out = new ArrayList<>();
        for (Definition x : d) {
            Project xp = project(x.file());
            if (near.contains(x.file()) || p != null && xp != null && xp.id().equals(p.id())) {
                out.add(x);
            }
        }
        return out;
    }

    /** True when {@code name} is declared at file scope in the file, its includes or its project. */
    public boolean isGlobal(String file, String name) {
        for (String f : closure(file)) {
            FileFacts ff = facts.get(f);
            if (ff != null && ff.globals().contains(name)) {
                return true;
            }
        }
        Project p = project(file);
        return p != null && projectGlobals.computeIfAbsent(p.id(), id -> {
            Set<String> all = new HashSet<>();
            for (String f : projectFiles(id)) {
                FileFacts ff = facts.get(f);
                if (ff != null) {
                    all.addAll(ff.globals());
                }
            }
            return all;
        }).contains(name);
    }

    /**
     * True when {@code name} is a data member of class {@code cls} as declared in the file's include closure or
     * anywhere in the scan (a class's header is not always included by name).
     */
    public boolean isMember(String cls, String name) {
        Set<String> m = classMembers.get(cls);
        return m != null && m.contains(name);
    }

    /** How many classes or structures of the scan declare a data member of this name. */
    public int memberOwners(String name) {
        return memberOwners.getOrDefault(name, 0);
    }

    /** Every file, sorted. */
    public List<String> allFiles() {
        List<String> out = new ArrayList<>(facts.keySet());
        out.sort(null);
        return out;
    }
}
