package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dumper CSV reader on a fixture laid out as {@code xperf -a dumper} writes (header block, padded fields, Stack lines). */
class XperfDumperReaderTest {
    static final Path FIXTURE = Path.of("src/test/resources/dev/pooltags/trace/xperf-pool.csv");

    private final List<TraceProblem> problems = new ArrayList<>();

    private List<PoolEvent> readAll(TraceReader r) {
        List<PoolEvent> out = new ArrayList<>();
        PoolEvent e;
        while ((e = r.next()) != null) {
            out.add(e);
        }
        r.close();
        return out;
    }

    private static XperfDumperReader reader(String text, List<TraceProblem> sink) {
        return new XperfDumperReader("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), sink::add);
    }

    @Test
    @DisplayName("columns come from the file's own header; Stack lines give the caller; other events are counted, not lost")
    void readsTheFixture() {
        List<PoolEvent> events = readAll(TraceFiles.open(FIXTURE, problems::add));
        assertThat(events).hasSize(6);
        PoolEvent.Alloc first = (PoolEvent.Alloc) events.get(0);
        assertThat(first.tag()).isEqualTo(PoolTag.parse("NfRx"));
        assertThat(first.size()).isEqualTo(812);
        assertThat(first.address()).isEqualTo(0xffffa08000001010L);
        assertThat(first.poolType()).isEqualTo(WindowsPoolType.NON_PAGED_POOL_NX);
        assertThat(first.time()).isEqualTo(1000);
        assertThat(first.routine()).isEqualTo(AllocRoutine.UNKNOWN);
        assertThat(first.caller()).as("first frame outside ntoskrnl").isEqualTo("netfilt.sys!NfReceiveIndicate");
        assertThat(first.driver()).isEqualTo("netfilt.sys");
        assertThat(first.line()).isEqualTo(14);
        PoolEvent.Alloc paged = (PoolEvent.Alloc) events.get(1);
        assertThat(paged.poolType()).isEqualTo(WindowsPoolType.PAGED_POOL);
        assertThat(paged.caller()).isEmpty();
        PoolEvent.Free free = (PoolEvent.Free) events.get(2);
        assertThat(free.routine()).isEqualTo(FreeRoutine.UNKNOWN);
        assertThat(free.tag()).isEqualTo(PoolTag.parse("NfRx"));
        assertThat(free.address()).isEqualTo(0xffffa08000001010L);
        PoolEvent.Alloc session = (PoolEvent.Alloc) events.get(4);
        assertThat(session.poolType()).isEqualTo(WindowsPoolType.PAGED_POOL_SESSION);
        assertThat(problems).extracting(TraceProblem::line, TraceProblem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(21L, "truncated-line"), org.assertj.core.groups.Tuple.tuple(23L, "unknown-event"));
        assertThat(problems.get(0).message()).contains("7 of the 8 fields");
        assertThat(problems.get(1).message()).contains("'WeirdOne'");
    }

    @Test
    void infoAndSkipped() {
        TraceReader r = TraceFiles.open(FIXTURE, problems::add);
        readAll(r);
        assertThat(r.info()).containsEntry("PointerSize", "8").containsEntry("OS Version", "10.0.19045");
        assertThat(r.skipped()).containsEntry("GroupMasks", 1L).containsEntry("CSwitch", 1L).containsEntry("FirstReliableEventTimeStamp", 1L);
        assertThat(r.format()).isEqualTo("xperf dumper CSV");
    }

    @Test
    @DisplayName("other column names and orders: NumberOfBytes, Entry, PoolTag, hex tags and pool type names")
    void otherColumnNames() {
        String text = "BeginHeader\n PoolAlloc, TimeStamp, Entry, PoolTag, PoolType, NumberOfBytes\n"
                + " PoolFree, TimeStamp, Entry\nEndHeader\n"
                + "PoolAlloc, 5, 0x1010, 0x7852664E, PagedPool, 0x40\n"
                + "PoolAlloc, 6, 0x2010, Io, NonPagedPoolNx, 64\n"
                + "PoolFree, 7, 0x1010\n";
        List<PoolEvent> events = readAll(reader(text, problems));
        assertThat(problems).isEmpty();
        PoolEvent.Alloc a = (PoolEvent.Alloc) events.get(0);
        assertThat(a.tag().toString()).isEqualTo("NfRx");
        assertThat(a.size()).isEqualTo(64);
        assertThat(a.poolType()).isEqualTo(WindowsPoolType.PAGED_POOL);
        assertThat(((PoolEvent.Alloc) events.get(1)).tag().toString()).as("a short tag is padded with spaces").isEqualTo("Io  ");
        assertThat(((PoolEvent.Free) events.get(2)).tag()).isNull();
    }

    @Test
    @DisplayName("bad fields are reported with their line, the line is skipped, reading goes on")
    void badFields() {
        String text = "BeginHeader\nPoolAlloc, TimeStamp, Tag, Size, Address\nEndHeader\n"
                + "PoolAlloc, 1, Ab12, twelve, 0x1010\n"
                + "PoolAlloc, 2, Ab12, 12, 0x0\n"
                + "PoolAlloc, 3, Ab12, 12, 0xZZ\n"
                + "PoolAlloc, 4, Ab12, 12, 0x3010\n";
        List<PoolEvent> events = readAll(reader(text, problems));
        assertThat(events).hasSize(1);
        assertThat(problems).extracting(TraceProblem::line).containsExactly(4L, 5L, 6L);
        assertThat(problems.get(0).message()).contains("'twelve' is not a number");
        assertThat(problems.get(1).message()).contains("address 0");
    }

    @Test
    void headerProblemsStopTheFile() {
        assertThatThrownBy(() -> reader("P-Start, 1, 2\n", problems)).isInstanceOf(InputException.class)
                .hasMessageContaining("t.csv:1:").hasMessageContaining("BeginHeader");
        assertThatThrownBy(() -> reader("BeginHeader\nPoolAlloc, TimeStamp, Tag, Size\nEndHeader\n", problems))
                .isInstanceOf(InputException.class).hasMessageContaining("t.csv:2:").hasMessageContaining("no address");
        assertThatThrownBy(() -> reader("BeginHeader\nPoolAlloc, TimeStamp, Tag, Size, Address\n", problems))
                .hasMessageContaining("no EndHeader");
        assertThatThrownBy(() -> reader("BeginHeader\nCSwitch, TimeStamp\nEndHeader\n", problems))
                .hasMessageContaining("declares no pool events");
    }
}
