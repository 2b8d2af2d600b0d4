package dev.pooltags.tagdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagFileDiscoveryTest {
    @Test
    void environmentVariableComesFirst() {
        Set<Path> exists = Set.of(Path.of("/x/pooltag.txt"), Path.of("/home/u/.config/pooltags/pooltag.txt"));
        TagFileDiscovery d = new TagFileDiscovery(Map.of("POOLTAGS_TAGFILE", "/x/pooltag.txt"), false, Path.of("/home/u"),
                Path.of("/w"), exists::contains, p -> List.of());
        assertThat(d.findPooltag()).contains(Path.of("/x/pooltag.txt"));
    }

    @Test
    void linuxFallsBackToTheXdgConfigFolder() {
        TagFileDiscovery d = new TagFileDiscovery(Map.of("XDG_CONFIG_HOME", "/cfg"), false, Path.of("/home/u"), Path.of("/w"),
                Set.of(Path.of("/cfg/pooltags/pooltag.txt"))::contains, p -> List.of());
        assertThat(d.findPooltag()).contains(Path.of("/cfg/pooltags/pooltag.txt"));
        TagFileDiscovery none = new TagFileDiscovery(Map.of(), false, Path.of("/home/u"), Path.of("/w"), p -> false, p -> List.of());
        assertThat(none.findPooltag()).isEmpty();
        assertThat(none.notFoundHelp()).contains("--tagfile").contains("POOLTAGS_TAGFILE").contains("/home/u/.config/pooltags/pooltag.txt");
    }

    @Test
    void windowsLooksWhereTheDebuggingToolsAndStoreWinDbgInstallIt() {
        Map<String, String> env = Map.of("ProgramFiles(x86)", "C:/PF86", "ProgramFiles", "C:/PF", "APPDATA", "C:/U/AppData/Roaming");
        Path kit = Path.of("C:/PF86", "Windows Kits", "10", "Debuggers", "x64", "triage", "pooltag.txt");
        Path store = Path.of("C:/PF", "WindowsApps", "Microsoft.WinDbg_1.2402.24001.0_x64__8wekyb3d8bbwe");
        TagFileDiscovery d = new TagFileDiscovery(env, true, Path.of("C:/U"), Path.of("C:/w"),
                Set.of(store.resolve("amd64/triage/pooltag.txt"))::contains,
                p -> p.equals(Path.of("C:/PF", "WindowsApps")) ? List.of(store, Path.of("C:/PF/WindowsApps/Other_1")) : List.of());
        assertThat(d.pooltagCandidates()).contains(kit, store.resolve("amd64").resolve("triage").resolve("pooltag.txt"));
        assertThat(d.pooltagCandidates().indexOf(kit)).isLessThan(d.pooltagCandidates().indexOf(store.resolve("amd64/triage/pooltag.txt")));
        assertThat(d.findPooltag()).contains(store.resolve("amd64/triage/pooltag.txt"));
        assertThat(d.configDir()).isEqualTo(Path.of("C:/U/AppData/Roaming", "pooltags"));
    }

    @Test
    void localTagFilesFromTheCurrentFolderAndConfig() {
        TagFileDiscovery d = new TagFileDiscovery(Map.of(), false, Path.of("/home/u"), Path.of("/w"),
                Set.of(Path.of("/w/localtag.txt"), Path.of("/home/u/.config/pooltags/localtag.txt"))::contains, p -> List.of());
        assertThat(d.findLocalTagFiles()).containsExactly(Path.of("/w/localtag.txt"), Path.of("/home/u/.config/pooltags/localtag.txt"));
    }

    @Test
    void windowsLooksInTheWdksPoolMonFolderToo() {
        Map<String, String> env = Map.of("ProgramFiles(x86)", "C:/PF86", "SystemDrive", "C:", "SystemRoot", "C:/Windows");
        Path wdk10 = Path.of("C:/PF86", "Windows Kits", "10", "Tools", "Other", "x64", "pooltag.txt");
        Path ddk = Path.of("C:\\", "WinDDK", "7600.16385.1");
        Path ddkFile = ddk.resolve("Tools").resolve("Other").resolve("i386").resolve("pooltag.txt");
        TagFileDiscovery d = new TagFileDiscovery(env, true, Path.of("C:/U"), Path.of("C:/w"), Set.of(ddkFile)::contains,
                p -> p.equals(Path.of("C:\\", "WinDDK")) ? List.of(ddk) : List.of());
        assertThat(d.pooltagCandidates()).contains(wdk10, wdk10.getParent().resolve("poolmon").resolve("pooltag.txt"), ddkFile);
        assertThat(d.findPooltag()).contains(ddkFile);
        assertThat(d.driversDir()).isEqualTo(Path.of("C:/Windows", "System32", "drivers"));
        assertThat(d.windows()).isTrue();
    }
}
