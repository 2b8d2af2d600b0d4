package dev.pooltags.lint;

import dev.pooltags.project.Project;
import dev.pooltags.project.SourceFile;
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
    /** Each file's definitions sorted by name, and every definition of the scan sorted by name (arrays, not maps: a
     * tree has hundreds of thousands of definitions, and a map entry each costs more than the definition). */
    private final Map<String, Definition[]> definitionsByFile = new HashMap<>();
    private final Definition[] definitionsByName;
    /** Each file's defined names as hashes: most files of a closure define nothing a lookup asks for. */
    private final Map<String, NameSet> namesByFile = new HashMap<>();
    private static final java.util.Comparator<Definition> BY_NAME = java.util.Comparator.comparing(Definition::name);
    private final Map<String, List<String>> filesByProject = new HashMap<>();
    private final Map<String, List<String>> closures = new ConcurrentHashMap<>();
    private final Map<String, java.util.Set<String>> projectGlobals = new ConcurrentHashMap<>();
    private final Map<String, NameSet> classMembers = new HashMap<>();
    /** Each file's includes as found (null where none is), resolved once however many closures hold the file. */
    private final Map<String, String[]> resolvedIncludes = new ConcurrentHashMap<>();
    /** Every file-scope name of the scan: most names asked about are no global anywhere. */
    private final NameSet allGlobals;
    private final Map<String, Integer> memberOwnerCounts = new ConcurrentHashMap<>();

    public Scope(Map<String, FileFacts> facts, Map<String, SourceFile> files) {
        this.facts = facts;
        this.files = files;
        int total = 0;
        for (FileFacts ff : facts.values()) {
            total += ff.definitions().size();
        }
        Definition[] all = new Definition[total];
        int at = 0;
        List<String> sortedFiles = new ArrayList<>(facts.keySet());
        sortedFiles.sort(null);
        for (String f : sortedFiles) {
            byBaseName.computeIfAbsent(baseName(f), k -> new ArrayList<>()).add(f);
            List<Definition> ds = facts.get(f).definitions();
            if (!ds.isEmpty()) {
                Definition[] own = ds.toArray(new Definition[0]);
                java.util.Arrays.sort(own, BY_NAME); // stable: definitions of one name stay in file order
                definitionsByFile.put(f, own);
                List<String> names = new ArrayList<>(own.length);
                for (Definition d : own) {
                    names.add(d.name());
                }
                namesByFile.put(f, NameSet.of(names));
                for (Definition d : ds) {
                    all[at++] = d;
                }
            }
            facts.get(f).members().forEach((c, names) -> classMembers.merge(c, names, NameSet::union));
            SourceFile sf = files.get(f);
            if (sf != null) {
                for (Project p : sf.projects()) {
                    filesByProject.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(f);
                }
            }
        }
        java.util.Arrays.sort(all, BY_NAME);
        definitionsByName = all;
        Set<String> globalNames = new HashSet<>();
        for (FileFacts ff : facts.values()) {
            globalNames.addAll(ff.globals());
        }
        allGlobals = NameSet.of(globalNames);
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
                for (String r : includesOf(cur, ff)) {
                    if (r != null && seen.add(r)) {
                        queue.add(r);
                    }
                }
            }
            return List.copyOf(seen);
        });
    }

    private String[] includesOf(String file, FileFacts ff) {
        return resolvedIncludes.computeIfAbsent(file, f -> {
            String[] out = new String[ff.includes().size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = resolveInclude(f, ff.includes().get(i));
            }
            return out;
        });
    }

    /**
     * The definitions of {@code name} that {@code file} sees: all those of the nearest file that has any (several
     * when {@code #if} branches define it differently), else the project's, else the whole scan's.
     */
    public List<Definition> lookup(String file, String name) {
        if (named(definitionsByName, name).isEmpty()) {
            return List.of(); // defined nowhere in the scan (PVOID, STATUS_SUCCESS from the WDK)
        }
        for (String f : closure(file)) {
            NameSet there = namesByFile.get(f);
            if (there == null || !there.mayContain(name)) {
                continue;
            }
            List<Definition> d = named(definitionsByFile.get(f), name);
            if (!d.isEmpty()) {
                return d;
            }
        }
        List<Definition> all = named(definitionsByName, name);
        if (all.isEmpty()) {
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

    /** The definitions named {@code name} in an array sorted by name, in their order there. */
    private static List<Definition> named(Definition[] sorted, String name) {
        if (sorted == null) {
            return List.of();
        }
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].name().compareTo(name) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < sorted.length && sorted[end].name().equals(name)) {
            end++;
        }
        return end == lo ? List.of() : java.util.Arrays.asList(sorted).subList(lo, end);
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
        if (!allGlobals.mayContain(name)) {
            return false;
        }
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
        NameSet m = classMembers.get(cls);
        return m != null && m.mayContain(name);
    }

    /** How many classes or structures of the scan declare a data member of this name. */
    public int memberOwners(String name) {
        return memberOwnerCounts.computeIfAbsent(name, k -> {
            int n = 0;
            for (NameSet m : classMembers.values()) {
                if (m.mayContain(k)) {
                    n++;
                }
            }
            return n;
        });
    }

    /** Every file, sorted. */
    public List<String> allFiles() {
        List<String> out = new ArrayList<>(facts.keySet());
        out.sort(null);
        return out;
    }
}
