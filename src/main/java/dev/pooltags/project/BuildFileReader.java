package dev.pooltags.project;

import static dev.pooltags.project.ProjectLayout.display;

import dev.pooltags.source.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one driver project file into a {@link Project}: an MSBuild {@code .vcxproj} (its ClCompile/ClInclude items,
 * TargetName, DriverType/ConfigurationType, PreprocessorDefinitions of each configuration, include folders) or a WDK
 * {@code sources} file (TARGETNAME, TARGETTYPE, C_DEFINES, INCLUDES, SOURCES).
 */
final class BuildFileReader {
    private static final Pattern DEFINES = Pattern.compile("<PreprocessorDefinitions[^>]*>(.*?)</PreprocessorDefinitions>",
            Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<Cl(?:Compile|Include)\\s+Include=\"([^\"]+)\"");
    private static final Pattern TARGET_NAME = Pattern.compile("<TargetName[^>]*>([^<$]+)</TargetName>");
    private static final Pattern CL_COMPILE = Pattern.compile("<ClCompile>(.*?)</ClCompile>", Pattern.DOTALL);
    private static final Pattern INCLUDE_DIRS = Pattern.compile(
            "<AdditionalIncludeDirectories[^>]*>(.*?)</AdditionalIncludeDirectories>", Pattern.DOTALL);
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

    /** Reads {@code pf}, adding the files it lists (resolved, normalized) to {@code members}. */
    static Project readProject(Path pf, Path cwd, List<Path> members) {
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
