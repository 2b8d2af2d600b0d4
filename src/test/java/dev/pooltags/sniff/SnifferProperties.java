package dev.pooltags.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The sniffer names any bytes (truncated magic, random text, a format's first line cut short) without failing. */
class SnifferProperties {
    @Provide
    Arbitrary<byte[]> heads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> prefixed = Arbitraries.of("MZ", "PAGEDU64", "PAGEDUMP", "MDMP", "\u0089PTR", "{\"rows\":", "{\"ev\":", "{",
                        "time,host,source,kind,key", "Tag,PoolType,Allocs,Frees,Diff,Bytes", "slabinfo - version: 2.1", "BeginHeader",
                        "0: kd> !poolused 2\n", " Tag  Type     Allocs", "Ntfx - ntfs.sys - ", "#include <ntddk.h>\n", "\u00FF\u00FE")
                .flatMap(p -> Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(tail -> {
                    byte[] a = p.getBytes(StandardCharsets.ISO_8859_1);
                    byte[] out = new byte[a.length + tail.length];
                    System.arraycopy(a, 0, out, 0, a.length);
                    System.arraycopy(tail, 0, out, a.length, tail.length);
                    return out;
                }));
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(400).map(s -> s.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(random, prefixed, text);
    }

    @Property(tries = 3000)
    void anyHeadGetsAKindAndAMessage(@ForAll("heads") byte[] head, @ForAll("names") String name) {
        Sniffer.Sniff s = Sniffer.sniff(Path.of(name), head);
        assertThat(s.kind()).isNotNull().isNotEqualTo(InputKind.FOLDER);
        assertThat(s.what()).isNotBlank();
        for (Inputs in : new Inputs[] {Inputs.snapshots(), Inputs.traces(), Inputs.debuggerLogs(), Inputs.dumps(), Inputs.tagFiles(),
                Inputs.sources(), Inputs.drivers()}) {
            assertThat(in.wrongKind(s)).startsWith("is ").doesNotContain("null");
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("x", "a.c", "b.jsonl", "c.etl", "d.dmp", "e.txt", "f.log");
    }
}
