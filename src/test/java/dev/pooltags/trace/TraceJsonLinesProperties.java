package dev.pooltags.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class TraceJsonLinesProperties {
    @Provide
    Arbitrary<PoolEvent> events() {
        Arbitrary<Long> time = Arbitraries.longs().between(0, 1L << 40);
        Arbitrary<Long> addr = Arbitraries.longs().filter(a -> a != 0);
        Arbitrary<PoolTag> tag = Arbitraries.integers().map(PoolTag::ofValue);
        Arbitrary<String> name = Arbitraries.strings().ofMinLength(0).ofMaxLength(12).withChars("abc.sys!_\u00e9\"\\");
        Arbitrary<PoolEvent> alloc = Combinators.combine(time, Arbitraries.of(AllocRoutine.values()), tag.injectNull(0.2),
                Arbitraries.longs().between(0, 1 << 20), addr, name, name, Arbitraries.of(SpecialAlignment.class).injectNull(0.7))
                .as((t, r, tg, size, a, d, c, al) -> new PoolEvent.Alloc(t, r, r.takesPoolFlags() ? null : WindowsPoolType.PAGED_POOL,
                        r.takesPoolFlags() ? PoolFlags.NON_PAGED | PoolFlags.SPECIAL_POOL : 0, tg, size, a, d, c, al, 0));
        Arbitrary<PoolEvent> free = Combinators.combine(time, Arbitraries.of(FreeRoutine.values()), tag.injectNull(0.3), addr, name, name)
                .as((t, r, tg, a, d, c) -> new PoolEvent.Free(t, r, tg, a, d, c, 0));
        Arbitrary<PoolEvent> unload = Combinators.combine(time, name.filter(s -> !s.isEmpty())).as((t, d) -> new PoolEvent.Unload(t, d, 0));
        Arbitrary<PoolEvent> access = Combinators.combine(time, addr, Arbitraries.longs().between(-5000, 5000), Arbitraries.integers().between(1, 64),
                Arbitraries.of(true, false)).as((t, a, o, l, w) -> new PoolEvent.Access(t, a, o, l, w, "d.sys", "", 0));
        Arbitrary<PoolEvent> verify = Combinators.combine(time, name.filter(s -> !s.isEmpty()), Arbitraries.of(true, false))
                .as((t, d, sp) -> new PoolEvent.VerifyDriver(t, d, sp ? EnumSet.allOf(VerifierOption.class) : EnumSet.of(VerifierOption.POOL_TRACKING), 0));
        return Arbitraries.oneOf(alloc, free, unload, access, verify);
    }

    @Property(tries = 300)
    void writtenEventsReadBackEqual(@ForAll @Size(max = 30) List<@net.jqwik.api.From("events") PoolEvent> events) {
        StringWriter w = new StringWriter();
        try (TraceJsonLines.EventWriter out = TraceJsonLines.writer(w)) {
            out.header(java.util.Map.of("complete", true));
            events.forEach(out::write);
        }
        List<TraceProblem> problems = new ArrayList<>();
        TraceJsonLines.Reader r = TraceJsonLines.reader(new BufferedReader(new StringReader(w.toString())), problems::add);
        List<PoolEvent> back = new ArrayList<>();
        PoolEvent e;
        while ((e = r.next()) != null) {
            back.add(e);
        }
        assertThat(problems).isEmpty();
        assertThat(r.complete()).isTrue();
        assertThat(back).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(withoutLine(back.get(i))).isEqualTo(events.get(i));
            assertThat(back.get(i).line()).isEqualTo(i + 2);
        }
    }

    private static PoolEvent withoutLine(PoolEvent e) {
        if (e instanceof PoolEvent.Alloc a) {
            return new PoolEvent.Alloc(a.time(), a.routine(), a.poolType(), a.poolFlags(), a.tag(), a.size(), a.address(), a.driver(), a.caller(),
                    a.alignment(), 0);
        } else if (e instanceof PoolEvent.Free f) {
            return new PoolEvent.Free(f.time(), f.routine(), f.tag(), f.address(), f.driver(), f.caller(), 0);
        } else if (e instanceof PoolEvent.Unload u) {
            return new PoolEvent.Unload(u.time(), u.driver(), 0);
        } else if (e instanceof PoolEvent.Access x) {
            return new PoolEvent.Access(x.time(), x.address(), x.offset(), x.length(), x.write(), x.driver(), x.caller(), 0);
        } else if (e instanceof PoolEvent.VerifyDriver v) {
            return new PoolEvent.VerifyDriver(v.time(), v.driver(), v.options(), 0);
        }
        return e;
    }

    @Property(tries = 300)
    void garbageLinesAreProblemsNeverCrashes(@ForAll @Size(max = 20) List<@net.jqwik.api.From("junk") String> lines) {
        List<TraceProblem> problems = new ArrayList<>();
        TraceJsonLines.Reader r = TraceJsonLines.reader(new BufferedReader(new StringReader(String.join("\n", lines))), problems::add);
        int events = 0;
        while (r.next() != null) {
            events++;
        }
        long nonBlank = lines.stream().filter(s -> !s.isBlank()).count();
        long headers = lines.stream().filter(s -> s.contains("\"format\"")).count();
        assertThat(events + problems.size()).isGreaterThanOrEqualTo((int) (nonBlank - headers));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("{}[]\":,tevalocfr0x1 ").ofMaxLength(40),
                Arbitraries.of("{\"t\":1,\"ev\":\"alloc\",\"size\":\"x\",\"addr\":\"0x10\"}", "{\"ev\":\"free\",\"addr\":\"zz\"}",
                        "{\"ev\":\"alloc\",\"fn\":\"ExAllocateNothing\",\"size\":1,\"addr\":\"0x10\"}", "{\"t\":5,\"ev\":\"unload\"}",
                        "{\"t\":5,\"ev\":\"free\",\"tag\":\"toolong\",\"addr\":\"0x10\"}", "[1,2]", "{\"format\":\"other\"}"));
    }
}
