package dev.pooltags.lint;

import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the C/C++ files under the paths given and the driver projects that build them: {@code .vcxproj} files
 * (their ClCompile/ClInclude items, TargetName and PreprocessorDefinitions) and WDK {@code sources} files
 * (TARGETNAME, C_DEFINES). A file belongs to the project that lists it, else to the nearest project file in a
 * folder above it, else to a project of its own folder (no build settings known).
 */
public final class ProjectLayout {
    private static final Set<String> EXTENSIONS = Set.of("c", "cpp", "cc", "cxx", "h", "hpp", "hh", "hxx", "inl", "tmh");
    private static final Pattern DEFINES = Pattern.compile("<PreprocessorDefinitions[^>]*>(.*?)</PreprocessorDefinitions>",
            Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<Cl(?:Compile|Include)\\s+Include=\"([^\"]+)\"");
    private static final Pattern TARGET_NAME = Pattern.compile("<TargetName[^>]*>([^<$]+)</TargetName>");
    private static final Pattern CL_COMPILE = Pattern.compile("<ClCompile>(.*?)</ClCompile>", Pattern.DOTALL);
    private static final Pattern INCLUDE_DIRS = Pattern.compile(
            "<AdditionalIncludeDirectories[^>]*>(.*?)</AdditionalIncludeDirectories>", Pattern.DOTALL);

    /** The name of the project file that declares wrappers and defines ({@link LintConfigReader}). */
    public static final String CONFIG = ".pooltags.yml";

    /** A {@code .pooltags.yml} and the folder it applies to ('/' terminated, as shown; empty for the current one). */
    public record ConfigFile(String root, LintConfigReader.Config config) {
    }

    private final List<SourceFile> files;
    private final List<Project> projects;
    private final List<ConfigFile> configs;

    private ProjectLayout(List<SourceFile> files, List<Project> projects, List<ConfigFile> configs) {
        this.files = files;
        this.projects = projects;
        this.configs = configs;
    }

    /** The {@code .pooltags.yml} files found, deepest folder first (the nearest one wins). */
    public List<ConfigFile> configs() {
        return configs;
    }

    /**
     * The symbols a file is compiled with: those every configuration of its project defines, and those the nearest
     * {@code .pooltags.yml} above it adds; symbols some configurations define are "maybe".
     */
    public FileScanner.Defines definesFor(SourceFile f) {
        java.util.Map<String, String> defined = new java.util.HashMap<>(f.project().defines());
        for (ConfigFile c : configs) {
            if (c.root().isEmpty() || f.display().startsWith(c.root())) {
                c.config().defines().forEach(defined::putIfAbsent);
            }
        }
        return new FileScanner.Defines(defined, f.project().maybeDefined());
    }

    /** Every wrapper the {@code .pooltags.yml} files declare, those of deeper folders first. */
    public List<WrapperDeclaration> declaredWrappers() {
        List<WrapperDeclaration> out = new ArrayList<>();
        for (ConfigFile c : configs) {
            out.addAll(c.config().wrappers());
        }
        return out;
    }

    /** The source files, sorted by how they are shown. */
    public List<SourceFile> files() {
        return files;
    }

    public List<Project> projects() {
        return projects;
    }

    /** The bytes of a source file of the layout, read from disk (what {@link Linter#run} is given by the command). */
    public static byte[] read(SourceFile file) {
        return TextFiles.readAllBytes(file.path(), TextFiles.SOURCE);
    }

    /** What the walk of the inputs found: source files (with the input each was found under), build and config files. */
    private record Found(TreeMap<Path, Path> sources, List<Path> projectFiles, Set<Path> configFiles) {
    }

    /** Walks the inputs (files or folders). A missing input is an {@link InputException}. */
    public static ProjectLayout discover(List<Path> inputs) {
        Path cwd = Path.of("").toAbsolutePath();
        Found found = walk(inputs);
        List<Path> projectFiles = found.projectFiles();
        projectFiles.sort(null);
        // kernel-mode projects claim their files first: a header shared with a user-mode tool belongs to the driver
        List<Project> read = new ArrayList<>();
        Map<Project, List<Path>> items = new HashMap<>();
        List<Map.Entry<Project, List<Path>>> parsed = projectFiles.parallelStream().map(pf -> {
            List<Path> its = new ArrayList<>();
            return Map.entry(readProject(pf, cwd, its), its);
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
        return new ProjectLayout(List.copyOf(out), List.copyOf(projects), List.copyOf(readConfigs(found.configFiles(), cwd)));
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
                Path beside = abs.getParent() == null ? null : abs.getParent().resolve(CONFIG);
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
                    } else if (n.equals(CONFIG)) {
                        found.configFiles().add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable folder inside a tree is skipped
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
    private static List<ConfigFile> readConfigs(Set<Path> configFiles, Path cwd) {
        List<ConfigFile> configs = new ArrayList<>();
        for (Path c : configFiles) {
            String dir = display(c.getParent(), cwd);
            String root = dir.equals(".") ? "" : dir + "/";
            configs.add(new ConfigFile(root, LintConfigReader.read(c, display(c, cwd), root)));
        }
        configs.sort((a, b) -> Integer.compare(b.root().length(), a.root().length()));
        return configs;
    }

    /** The path as shown: relative to the current folder when inside it, '/' separated. */
    public static String display(Path p, Path cwd) {
        Path shown = p.startsWith(cwd) ? cwd.relativize(p) : p;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** Project files name their items in any case, as Windows does. */
    private static String memberKey(Path p) {
        return p.toString().toLowerCase(Locale.ROOT);
    }

    private static final Pattern DRIVER_TYPE = Pattern.compile("<DriverType>\\s*(\\w+)\\s*</DriverType>");
    private static final Pattern CONFIGURATION_TYPE = Pattern.compile("<ConfigurationType>\\s*(\\w+)\\s*</ConfigurationType>");

    /** What one project file says, as read: its raw define lists, items and include folders. */
    private static final class ProjectText {
        String name;
        boolean userMode;
        boolean library;
        final List<String> defines = new ArrayList<>();
        final List<String> items = new ArrayList<>();
        final List<Set<String>> configs = new ArrayList<>(); // the symbols of each configuration's element
        final List<String> includeDirs = new ArrayList<>();
    }

    private static Project readProject(Path pf, Path cwd, List<Path> members) {
        String text = TextFiles.readLatin1(pf);
        String id = display(pf, cwd);
        String fileName = pf.getFileName().toString();
        ProjectText read = fileName.toLowerCase(Locale.ROOT).endsWith(".vcxproj")
                ? readVcxproj(text, fileName) : readSources(text, pf.getParent().getFileName().toString());
        List<String> nx = new ArrayList<>();
        boolean[] autoAndOptIn = nxRequests(read.defines, id, nx);
        java.util.Map<String, String> always = new java.util.TreeMap<>();
        java.util.Set<String> maybe = new java.util.TreeSet<>();
        classifySymbols(read.configs, always, maybe);
        Project p = new Project(id, read.name, List.copyOf(nx), autoAndOptIn[0], autoAndOptIn[1], read.userMode,
                read.library, java.util.Map.copyOf(always), java.util.Set.copyOf(maybe),
                List.copyOf(includeFolders(read.includeDirs, pf, cwd)));
        for (String item : read.items) {
            if (item.contains("*") || item.contains("$(")) {
                continue;
            }
            members.add(pf.getParent().resolve(item.replace('\\', '/')).normalize());
        }
        return p;
    }

    /** An MSBuild {@code .vcxproj}: defines, per-configuration compiler symbols, include folders, type, items. */
    private static ProjectText readVcxproj(String text, String fileName) {
        ProjectText read = new ProjectText();
        Matcher m = DEFINES.matcher(text);
        while (m.find()) {
            for (String d : m.group(1).split(";")) {
                read.defines.add(d.trim());
            }
        }
        // the compiler's symbols of each configuration (not the resource compiler's)
        Matcher cl = CL_COMPILE.matcher(text);
        while (cl.find()) {
            Matcher cm = DEFINES.matcher(cl.group(1));
            if (cm.find()) {
                java.util.Set<String> one = new java.util.LinkedHashSet<>();
                for (String d : cm.group(1).split(";")) {
                    one.add(d.trim());
                }
                read.configs.add(one);
            }
        }
        Matcher inc = INCLUDE_DIRS.matcher(text);
        while (inc.find()) {
            for (String d : inc.group(1).split(";")) {
                read.includeDirs.add(d.trim());
            }
        }
        Matcher t = TARGET_NAME.matcher(text);
        read.name = t.find() ? t.group(1).trim() : fileName.substring(0, fileName.length() - ".vcxproj".length());
        Matcher dt = DRIVER_TYPE.matcher(text);
        Matcher ct = CONFIGURATION_TYPE.matcher(text);
        String driverType = dt.find() ? dt.group(1) : "";
        String configuration = ct.find() ? ct.group(1) : "";
        read.userMode = driverType.equalsIgnoreCase("UMDF") || driverType.isEmpty()
                && (configuration.equalsIgnoreCase("Application") || configuration.equalsIgnoreCase("DynamicLibrary"));
        read.library = configuration.equalsIgnoreCase("StaticLibrary");
        Matcher it = ITEM.matcher(text);
        while (it.find()) {
            for (String item : it.group(1).split(";")) { // MSBuild lists several items in one Include
                if (!item.isBlank()) {
                    read.items.add(item.trim());
                }
            }
        }
        return read;
    }

    /** A WDK {@code sources} file: TARGETNAME, TARGETTYPE, C_DEFINES, INCLUDES, SOURCES (continued lines joined). */
    private static ProjectText readSources(String text, String folderName) {
        ProjectText read = new ProjectText();
        String joined = text.replaceAll("\\\\\\r?\\n", " ");
        read.name = folderName;
        for (String line : joined.split("\\r?\\n")) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String value = l.substring(eq + 1).trim();
            if (key.equals("TARGETNAME") && !value.isEmpty()) {
                read.name = value;
            } else if (key.equals("TARGETTYPE")) {
                read.library = value.equalsIgnoreCase("LIBRARY") || value.equalsIgnoreCase("DRIVER_LIBRARY");
            } else if (key.equals("C_DEFINES")) {
                java.util.Set<String> one = new java.util.LinkedHashSet<>();
                for (String d : value.split("\\s+")) {
                    if (d.startsWith("-D") || d.startsWith("/D")) {
                        read.defines.add(d.substring(2));
                        one.add(d.substring(2));
                    }
                }
                read.configs.add(one);
            } else if (key.equals("INCLUDES")) {
                for (String d : value.split(";")) {
                    read.includeDirs.add(d.trim());
                }
            } else if (key.equals("SOURCES")) {
                for (String s : value.split("\\s+")) {
                    if (!s.isEmpty()) {
                        read.items.add(s);
                    }
                }
            }
        }
        return read;
    }

    /** Whether the project opts into NX pool (auto, explicit), adding each request as shown to {@code nx}. */
    private static boolean[] nxRequests(List<String> defines, String id, List<String> nx) {
        boolean auto = false;
        boolean optIn = false;
        for (String d : defines) {
            String key = d;
            String value = "1";
            int eq = d.indexOf('=');
            if (eq >= 0) {
                key = d.substring(0, eq).trim();
                value = d.substring(eq + 1).trim();
            }
            if (value.equals("0")) {
                continue;
            }
            if (key.equals("POOL_NX_OPTIN_AUTO")) {
                auto = true;
                nx.add(d + " in " + id);
            } else if (key.equals("POOL_NX_OPTIN")) {
                optIn = true;
                nx.add(d + " in " + id);
            }
        }
        return new boolean[] {auto, optIn};
    }

    /** A symbol is defined when every configuration defines it (to the same value), maybe when only some do. */
    private static void classifySymbols(List<Set<String>> configs, Map<String, String> always, Set<String> maybe) {
        java.util.Map<String, java.util.Set<String>> valuesByName = new java.util.HashMap<>();
        java.util.Map<String, Integer> countByName = new java.util.HashMap<>();
        for (java.util.Set<String> config : configs) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String d : config) {
                if (d.isEmpty() || d.contains("$(") || d.contains("%(")) {
                    continue;
                }
                int eq = d.indexOf('=');
                String k = (eq < 0 ? d : d.substring(0, eq)).trim();
                if (!k.matches("[A-Za-z_][A-Za-z0-9_]*") || !seen.add(k)) {
                    continue;
                }
                valuesByName.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(eq < 0 ? "1" : d.substring(eq + 1).trim());
                countByName.merge(k, 1, Integer::sum);
            }
        }
        for (java.util.Map.Entry<String, Integer> e : countByName.entrySet()) {
            java.util.Set<String> vals = valuesByName.get(e.getKey());
            if (e.getValue() == configs.size() && vals.size() == 1) {
                always.put(e.getKey(), vals.iterator().next());
            } else {
                maybe.add(e.getKey());
            }
        }
    }

    /** The include folders as shown, '/' terminated; those built from MSBuild macros are left out. */
    private static List<String> includeFolders(List<String> includeDirs, Path pf, Path cwd) {
        List<String> dirs = new ArrayList<>();
        for (String d : includeDirs) {
            if (d.isEmpty() || d.contains("$(") || d.contains("%(")) {
                continue;
            }
            String shown = display(pf.getParent().resolve(d.replace('\\', '/')).normalize(), cwd);
            dirs.add(shown.equals(".") ? "" : shown + "/");
        }
        return dirs;
    }
}
