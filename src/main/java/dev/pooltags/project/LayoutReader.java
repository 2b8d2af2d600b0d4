package dev.pooltags.project;

import static dev.pooltags.project.ProjectLayout.display;

import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks the paths given for C/C++ files, project files ({@link BuildFileReader}) and {@code .pooltags.yml} files
 * ({@link LintConfigReader}), and gives each source file its project: the project that lists it (kernel-mode
 * projects first), else the nearest kernel-mode project file in a folder above it, else a project of its own folder.
 */
final class LayoutReader {
    private static final Set<String> EXTENSIONS = Set.of("c", "cpp", "cc", "cxx", "h", "hpp", "hh", "hxx", "inl", "tmh");

    private LayoutReader() {
    }

    /** What the walk of the inputs found: source files (with the input each was found under), build and config files. */
    private record Found(TreeMap<Path, Path> sources, List<Path> projectFiles, Set<Path> configFiles) {
    }


    /** Walks the inputs (files or folders). A missing input is an {@link InputException}. */
    static ProjectLayout discover(List<Path> inputs) {
        Path cwd = Path.of("").toAbsolutePath();
        Found found = walk(inputs);
        List<Path> projectFiles = found.projectFiles();
        projectFiles.sort(null);
        // kernel-mode projects claim their files first: a header shared with a user-mode tool belongs to the driver
        List<Project> read = new ArrayList<>();
        Map<Project, List<Path>> items = new HashMap<>();
        List<Map.Entry<Project, List<Path>>> parsed = projectFiles.parallelStream().map(pf -> {
            List<Path> its = new ArrayList<>();
            return Map.entry(BuildFileReader.readProject(pf, cwd, its), its);
        }).toList();
        for (Map.Entry<Project, List<Path>> e : parsed) {
            read.add(e.getKey());
            items.put(e.getKey(), e.getValue());
        }
        Map<String, Project> members = new HashMap<>();
        Map<String, List<Project>> alsoMembers = new HashMap<>();
        claimMembers(read, items, members, alsoMembers);
        List<Project> projects = new ArrayList<>(read);
        Map<Path, Project> byDir = projectsByFolder(read, projectFiles);
        List<SourceFile> out = assignFiles(found.sources(), members, alsoMembers, byDir, projects, cwd);
        return new ProjectLayout(out, projects, readConfigs(found.configFiles(), cwd));
    }

    private static Found walk(List<Path> inputs) {
        Found found = new Found(new TreeMap<>(), new ArrayList<>(), new java.util.TreeSet<>());
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new InputException(in, "no such file or folder");
            }
            if (Files.isRegularFile(abs)) {
                found.sources().put(abs, abs.getParent());
                Path beside = abs.getParent() == null ? null : abs.getParent().resolve(ProjectLayout.CONFIG);
                if (beside != null && Files.isRegularFile(beside)) {
                    found.configFiles().add(beside);
                }
                continue;
            }
            walkFolder(abs, found);
        }
        return found;
    }

    /** Sources, project files and config files under a folder; folders whose name starts with '.' are skipped. */
    private static void walkFolder(Path abs, Found found) {
        try {
            Files.walkFileTree(abs, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return n.startsWith(".") && !dir.equals(abs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String n = f.getFileName().toString();
                    String lower = n.toLowerCase(Locale.ROOT);
                    int dot = lower.lastIndexOf('.');
                    if (dot > 0 && EXTENSIONS.contains(lower.substring(dot + 1))) {
                        found.sources().put(f, abs);
                    } else if (lower.endsWith(".vcxproj") || lower.equals("sources")) {
                        found.projectFiles().add(f);
                    } else if (n.equals(ProjectLayout.CONFIG)) {
                        found.configFiles().add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder inside a tree is skipped
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && dir.equals(abs)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE; // so is one whose listing failed part way
                }
            });
        } catch (IOException e) {
            // the folder itself could not be walked (a folder inside it that fails is skipped above)
            throw new InputException(abs, "cannot list the folder: " + Reasons.of(e), e);
        }
    }

    /** Each listed file goes to the first kernel-mode project listing it, else the first user-mode one; others are noted. */
    private static void claimMembers(List<Project> read, Map<Project, List<Path>> items, Map<String, Project> members,
            Map<String, List<Project>> alsoMembers) {
        for (boolean userPass : new boolean[] {false, true}) {
            for (Project p : read) {
                if (p.userMode() != userPass) {
                    continue;
                }
                for (Path member : items.get(p)) {
                    Project had = members.putIfAbsent(memberKey(member), p);
                    if (had != null && had != p) {
                        alsoMembers.computeIfAbsent(memberKey(member), k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
    }

    /** The project of each folder holding project files: the first, unless a later one is kernel-mode and it is not. */
    private static Map<Path, Project> projectsByFolder(List<Project> read, List<Path> projectFiles) {
        Map<Path, Project> byDir = new TreeMap<>();
        for (int i = 0; i < read.size(); i++) {
            Project p = read.get(i);
            Path dir = projectFiles.get(i).getParent();
            Project had = byDir.get(dir);
            if (had == null || had.userMode() && !p.userMode()) {
                byDir.put(dir, p);
            }
        }
        return byDir;
    }

    /** Every source file with its project; folder projects made for files no build file claims join {@code projects}. */
    private static List<SourceFile> assignFiles(TreeMap<Path, Path> sources, Map<String, Project> members,
            Map<String, List<Project>> alsoMembers, Map<Path, Project> byDir, List<Project> projects, Path cwd) {
        Map<Path, Project> roots = new HashMap<>();
        List<SourceFile> out = new ArrayList<>();
        for (Map.Entry<Path, Path> e : sources.entrySet()) {
            Path f = e.getKey();
            Project p = members.get(memberKey(f));
            for (Path d = f.getParent(); p == null && d != null && d.startsWith(e.getValue()); d = d.getParent()) {
                Project near = byDir.get(d);
                // a user-mode project only claims the files it lists: kernel code beside it is not its own
                p = near != null && !near.userMode() ? near : null;
            }
            if (p == null) {
                // no build file: the file's own folder, so unrelated drivers of a tree are never lumped together
                p = roots.computeIfAbsent(f.getParent(), r -> {
                    Project fp = Project.folder(display(r, cwd), r.getFileName() == null ? "driver" : r.getFileName().toString());
                    projects.add(fp);
                    return fp;
                });
            }
            out.add(new SourceFile(f, display(f, cwd), p, List.copyOf(alsoMembers.getOrDefault(memberKey(f), List.of()))));
        }
        out.sort((a, b) -> a.display().compareTo(b.display()));
        return out;
    }

    /** The {@code .pooltags.yml} files read, deepest folder first. */
    private static List<ProjectLayout.ConfigFile> readConfigs(Set<Path> configFiles, Path cwd) {
        List<ProjectLayout.ConfigFile> configs = new ArrayList<>();
        for (Path c : configFiles) {
            String dir = display(c.getParent(), cwd);
            String root = dir.equals(".") ? "" : dir + "/";
            configs.add(new ProjectLayout.ConfigFile(root, LintConfigReader.read(c, display(c, cwd), root)));
        }
        configs.sort((a, b) -> Integer.compare(b.root().length(), a.root().length()));
        return configs;
    }


    /** Project files name their items in any case, as Windows does. */
    private static String memberKey(Path p) {
        return p.toString().toLowerCase(Locale.ROOT);
    }
}
