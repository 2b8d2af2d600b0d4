package dev.pooltags.tagdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds the tag files to use when the user names none.
 *
 * <p>Pooltag.txt, in this order (the first that exists wins):
 * <ol>
 *   <li>the file named by the environment variable {@code POOLTAGS_TAGFILE};</li>
 *   <li>on Windows, where the Debugging Tools for Windows put it: {@code triage\pooltag.txt} under
 *       {@code Windows Kits\10\Debuggers\x64|x86|arm64} in Program Files (x86) and Program Files, and under
 *       {@code Debugging Tools for Windows (x64)|(x86)};</li>
 *   <li>on Windows, the WDK's PoolMon folder: {@code Tools\Other\<platform>} (and its {@code poolmon} subfolder) under
 *       {@code Windows Kits\10}, {@code 8.1} and {@code 8.0}, and under each {@code C:\WinDDK\<version>};</li>
 *   <li>on Windows, the Store WinDbg: {@code Program Files\WindowsApps\Microsoft.WinDbg_*\amd64|arm64|x86\triage\pooltag.txt}
 *       (newest folder name first);</li>
 *   <li>the per-user configuration folder: {@code %APPDATA%\pooltags\pooltag.txt} on Windows,
 *       {@code $XDG_CONFIG_HOME/pooltags/pooltag.txt} (default {@code ~/.config/pooltags/pooltag.txt}) elsewhere.</li>
 * </ol>
 * Local tag files, which take precedence over Pooltag.txt: {@code localtag.txt} in the current folder (where
 * PoolMon reads and writes it) and {@code localtag.txt} in the configuration folder.
 *
 * <p>The environment and the file system are passed in, so the search is tested on every OS.
 *
 * @param env     the environment variables
 * @param windows true on Windows
 * @param home    the user's home folder
 * @param cwd     the current folder
 * @param isFile  whether a path names an existing file
 * @param listDir the entries of a folder (empty when it cannot be listed)
 */
public record TagFileDiscovery(Map<String, String> env, boolean windows, Path home, Path cwd, Predicate<Path> isFile,
        Function<Path, List<Path>> listDir) {
    /** Discovery over the real environment and file system of this process. */
    public static TagFileDiscovery system() {
        return new TagFileDiscovery(System.getenv(),
                System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows"),
                Path.of(System.getProperty("user.home", ".")), Path.of("").toAbsolutePath(),
                p -> java.nio.file.Files.isRegularFile(p), TagFileDiscovery::listQuietly);
    }

    private static List<Path> listQuietly(Path dir) {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.sorted().toList();
        } catch (Exception e) {
            return List.of(); // WindowsApps is often not listable by a normal user: then it is skipped
        }
    }

    /** Every place searched for Pooltag.txt, in order: for the "not found" message and for tests. */
    public List<Path> pooltagCandidates() {
        List<Path> out = new ArrayList<>();
        String fromEnv = env.get("POOLTAGS_TAGFILE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            out.add(Path.of(fromEnv));
        }
        if (windows) {
            for (String pf : List.of("ProgramFiles(x86)", "ProgramFiles", "ProgramW6432")) {
                String root = env.get(pf);
                if (root == null) {
                    continue;
                }
                for (String arch : List.of("x64", "arm64", "x86")) {
                    out.add(Path.of(root, "Windows Kits", "10", "Debuggers", arch, "triage", "pooltag.txt"));
                }
                out.add(Path.of(root, "Debugging Tools for Windows (x64)", "triage", "pooltag.txt"));
                out.add(Path.of(root, "Debugging Tools for Windows (x86)", "triage", "pooltag.txt"));
            }
            // the WDK installs PoolMon with its pooltag.txt under Tools\Other\<platform> of the kit
            for (String pf : List.of("ProgramFiles(x86)", "ProgramFiles", "ProgramW6432")) {
                String root = env.get(pf);
                if (root == null) {
                    continue;
                }
                for (String kit : List.of("10", "8.1", "8.0")) {
                    wdk(out, Path.of(root, "Windows Kits", kit));
                }
            }
            String drive = env.getOrDefault("SystemDrive", "C:");
            List<Path> ddks = new ArrayList<>(listDir.apply(Path.of(drive + "\\", "WinDDK")));
            ddks.sort(java.util.Comparator.comparing(Path::toString).reversed());
            for (Path ddk : ddks) {
                wdk(out, ddk);
            }
            String pf = env.getOrDefault("ProgramFiles", "C:\\Program Files");
            List<Path> apps = new ArrayList<>(listDir.apply(Path.of(pf, "WindowsApps")));
            apps.removeIf(p -> !p.getFileName().toString().startsWith("Microsoft.WinDbg_"));
            apps.sort(java.util.Comparator.comparing(Path::toString).reversed());
            for (Path app : apps) {
                for (String arch : List.of("amd64", "arm64", "x86")) {
                    out.add(app.resolve(arch).resolve("triage").resolve("pooltag.txt"));
                }
            }
        }
        out.add(configDir().resolve("pooltag.txt"));
        return out;
    }

    /** The WDK's PoolMon folders of one kit: {@code Tools\Other\<platform>} and its {@code poolmon} subfolder. */
    private static void wdk(List<Path> out, Path kit) {
        for (String platform : List.of("x64", "amd64", "arm64", "x86", "i386")) {
            Path dir = kit.resolve("Tools").resolve("Other").resolve(platform);
            out.add(dir.resolve("pooltag.txt"));
            out.add(dir.resolve("poolmon").resolve("pooltag.txt"));
        }
    }

    /** This Windows machine's drivers folder, {@code %SystemRoot%\System32\drivers}. */
    public Path driversDir() {
        String root = env.getOrDefault("SystemRoot", env.getOrDefault("windir", "C:\\Windows"));
        return Path.of(root, "System32", "drivers");
    }

    /** The Pooltag.txt to use, if any candidate exists. */
    public Optional<Path> findPooltag() {
        return pooltagCandidates().stream().filter(isFile).findFirst();
    }

    /** Local tag files that exist, in precedence order. */
    public List<Path> findLocalTagFiles() {
        List<Path> out = new ArrayList<>();
        for (Path p : List.of(cwd.resolve("localtag.txt"), configDir().resolve("localtag.txt"))) {
            if (isFile.test(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The per-user configuration folder. */
    public Path configDir() {
        if (windows) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "pooltags") : home.resolve("AppData").resolve("Roaming").resolve("pooltags");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "pooltags") : home.resolve(".config").resolve("pooltags");
    }

    /** The one-paragraph help printed when no Pooltag.txt is found. */
    public String notFoundHelp() {
        return "no Pooltag.txt found. It ships with the Debugging Tools for Windows (WinDbg) as triage\\pooltag.txt; "
                + "name it with --tagfile FILE, set POOLTAGS_TAGFILE=FILE, or copy it to " + configDir().resolve("pooltag.txt");
    }
}
