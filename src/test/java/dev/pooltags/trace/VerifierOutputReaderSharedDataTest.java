package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.pool.BugCheckCode;
import dev.pooltags.replay.TraceAnalysis;
import dev.pooltags.replay.TraceReplay;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three real {@code !verifier 3} layouts from Microsoft's documentation and a public GitHub issue. */
class VerifierOutputReaderSharedDataTest {
    private static final Path MSDOCS = Path.of("../shared/data/tool-output/msdocs_windbg_samples.txt");
    private static final Path REAL = Path.of("../shared/data/tool-output/realworld_samples.md");

    /** The text of one "=== file #n" section of the Microsoft samples. */
    static String msdocsSection(String header) throws Exception {
        List<String> lines = Files.readAllLines(MSDOCS);
        StringBuilder sb = new StringBuilder();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("=== ")) {
                in = l.equals("=== " + header);
                continue;
            }
            if (in) {
                sb.append(l).append('\n');
            }
        }
        assertThat(sb).as(header).isNotEmpty();
        return sb.toString();
    }

    /** Section 6 of the real-world samples: a fenced block. */
    static String ebpfSection() throws Exception {
        String all = Files.readString(REAL);
        String s = all.substring(all.indexOf("## 6."), all.indexOf("## 7."));
        return s.substring(s.indexOf("```") + 3, s.lastIndexOf("```"));
    }

    private final List<TraceProblem> problems = new ArrayList<>();

    private List<PoolEvent> read(String text) {
        VerifierOutputReader r = new VerifierOutputReader("v.txt", new BufferedReader(new StringReader(text)), problems::add);
        List<PoolEvent> out = new ArrayList<>();
        PoolEvent e;
        while ((e = r.next()) != null) {
            out.add(e);
        }
        return out;
    }

    private static List<PoolEvent.Alloc> allocs(List<PoolEvent> events) {
        return events.stream().filter(PoolEvent.Alloc.class::isInstance).map(PoolEvent.Alloc.class::cast).toList();
    }

    @Test
    @DisplayName("Windows 8.1 layout (MODULE: ..., Address Length Tag Caller) from the 0xC4/0x62 leak-debugging page")
    void windows81() throws Exception {
        List<PoolEvent> events = read(msdocsSection(
                "windows-driver-docs-pr/devtest/debugging-memory-leaks---driver-verifier-detected-violation--c4---0x62.md #1"));
        assertThat(events.get(0)).isInstanceOf(PoolEvent.VerifyDriver.class);
        assertThat(((PoolEvent.VerifyDriver) events.get(0)).options()).containsExactly(VerifierOption.POOL_TRACKING);
        List<PoolEvent.Alloc> a = allocs(events);
        assertThat(a).extracting(x -> x.tag().toString()).containsExactly("VMdl", "mdrv", "Vfwi");
        assertThat(a).extracting(PoolEvent.Alloc::size).containsExactly(0x20L, 0x1008L, 0x30L);
        assertThat(a).extracting(PoolEvent.Alloc::address).containsExactly(0x982a8fe0L, 0x8645a000L, 0x9a836fd0L);
        assertThat(a).extracting(PoolEvent.Alloc::caller).containsExactly("MyDriver!DeviceControlDispatch", "MyDriver!DeviceControlDispatch",
                "MyDriver!GetNecessaryObjects");
        assertThat(a).allMatch(x -> x.driver().equals("MyDriver.sys") && x.poolType() == WindowsPoolType.NON_PAGED_POOL
                && x.time() == PoolEvent.NO_TIME);
        assertThat(a.stream().mapToLong(PoolEvent.Alloc::size).sum()).as("its Current Pool Bytes").isEqualTo(0x1058);
        assertThat(events).noneMatch(PoolEvent.Unload.class::isInstance);
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("Windows 10 layout (nt!_VF_TARGET_DRIVER ... (Loaded and Unloaded)): the unload is bug check 0xC4/0x62")
    void windows10() throws Exception {
        List<PoolEvent> events = read(ebpfSection());
        List<PoolEvent.Alloc> a = allocs(events);
        assertThat(a).hasSize(1);
        assertThat(a.get(0).tag()).isEqualTo(PoolTag.parse("ebpf"));
        assertThat(a.get(0).size()).isEqualTo(4);
        assertThat(a.get(0).address()).isEqualTo(0xffffcb843b87aff0L);
        assertThat(a.get(0).caller()).isEqualTo("ebpfcore!ebpf_allocate+0x21");
        assertThat(events.get(events.size() - 1)).isEqualTo(new PoolEvent.Unload(PoolEvent.NO_TIME, "ebpfcore.sys", 5));
    }

    @Test
    @DisplayName("Windows 7 layout (Entry State NonPagedPool PagedPool Module; PoolAddress SizeInBytes Tag CallersAddress), cut with '...'")
    void windows7() throws Exception {
        List<PoolEvent> events = read(msdocsSection("windows-driver-docs-pr/debuggercmds/-verifier.md #2"));
        List<PoolEvent.Alloc> a = allocs(events);
        assertThat(a).extracting(x -> x.tag().toString()).containsExactly("Vprt", "Vprt", "Vprt", "usbp", "usbp", "usbp");
        assertThat(a).extracting(PoolEvent.Alloc::driver).containsExactly("videoprt.sys", "videoprt.sys", "videoprt.sys", "usbport.sys",
                "usbport.sys", "usbport.sys");
        assertThat(a.get(0).size()).isEqualTo(0x3c);
        assertThat(a.get(0).address()).isEqualTo(0xfffff9800157efc0L);
        assertThat(a.get(0).caller()).isEqualTo("fffff88002c62963");
        assertThat(a).as("both modules have paged and nonpaged allocations: the rows' pool is unknown").allMatch(x -> x.poolType() == null);
        assertThat(problems).extracting(TraceProblem::kind).containsExactly("incomplete-listing", "incomplete-listing");
        assertThat(problems.get(0).message()).contains("videoprt.sys").contains("3 of the 21").contains("'...'");
        assertThat(problems.get(1).message()).contains("usbport.sys").contains("3 of the 232");
    }

    @Test
    @DisplayName("replayed: the Windows 10 listing raises 0xC4/0x62 for one allocation, and the leak names its tag")
    void replayEbpf(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("verifier.txt");
        Files.writeString(f, ebpfSection());
        TraceAnalysis a = TraceReplay.run(f.toString(), sink -> TraceFiles.open(f, sink), TraceReplay.Options.defaults());
        assertThat(a.format()).isEqualTo("!verifier 3 output");
        assertThat(a.violations()).hasSize(1);
        assertThat(a.violations().get(0).bugCheck().code()).isEqualTo(BugCheckCode.DRIVER_VERIFIER_DETECTED_VIOLATION);
        assertThat(a.violations().get(0).bugCheck().p1()).isEqualTo(0x62);
        assertThat(a.violations().get(0).bugCheck().p4()).isEqualTo(1);
        assertThat(a.leaks()).extracting(l -> l.tag().toString()).containsExactly("ebpf");
        assertThat(a.outstanding().get(0).type()).isEqualTo(PoolType.NONPAGED);
        assertThat(a.lifetimes()).as("no times in the listing").isNull();
    }
}
