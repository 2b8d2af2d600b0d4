package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.PoolEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Fuzzing the CSV reader: whatever follows a valid header, every line is an event, a counted skip or a problem with its line. */
class XperfDumperReaderProperties {
    private static final String HEADER = "BeginHeader\nPoolAlloc, TimeStamp, Type, Tag, Size, Address\nPoolFree, TimeStamp, Tag, Address\n"
            + "Stack, TimeStamp, ThreadID, No., Address, Image!Function\nCSwitch, TimeStamp, CPU\nEndHeader\n";

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> valid = Arbitraries.of("PoolAlloc, 10, 0x200, NfRx, 64, 0xffffa08000001010", "PoolFree, 11, NfRx, 0xffffa08000001010",
                "CSwitch, 12, 1", "Stack, 10, 4, 1, 0x1234, foo.sys!Bar", "");
        Arbitrary<String> junk = Arbitraries.strings().withChars("PoolAlcFre,0x123 \"\t").ofMaxLength(60);
        Arbitrary<String> cut = valid.flatMap(v -> Arbitraries.integers().between(0, v.length()).map(n -> v.substring(0, n)));
        return Arbitraries.oneOf(valid, junk, cut);
    }

    @Property(tries = 400)
    void everyLineIsAccountedFor(@ForAll @Size(max = 40) List<@net.jqwik.api.From("lines") String> body) {
        String text = HEADER + String.join("\n", body);
        List<TraceProblem> problems = new ArrayList<>();
        XperfDumperReader r = new XperfDumperReader("f.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), problems::add);
        List<PoolEvent> events = new ArrayList<>();
        PoolEvent e;
        while ((e = r.next()) != null) {
            events.add(e);
        }
        long headerLines = HEADER.lines().count();
        long nonBlank = body.stream().filter(s -> !s.isBlank()).count();
        long skipped = r.skipped().values().stream().mapToLong(Long::longValue).sum();
        long stackLines = body.stream().filter(s -> s.strip().startsWith("Stack,") || s.strip().equals("Stack")).count();
        assertThat(events.size() + skipped + problems.size() + stackLines).as("every non-blank line").isGreaterThanOrEqualTo(nonBlank - stackLines);
        for (TraceProblem p : problems) {
            assertThat(p.line()).isBetween(headerLines + 1, headerLines + body.size());
        }
        for (PoolEvent ev : events) {
            assertThat(ev.line()).isBetween(headerLines + 1, headerLines + body.size());
        }
    }
}
