package dev.pooltags.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.TestTools;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts {@link WindowsPoolBuffers} decodes, checked against a C compiler: src/test/windows/layouts.c is compiled
 * with mingw-w64 for x86 and x64 and the sizes and offsets it stores in {@code pooltags_layout[]} are read back out of
 * the COFF object's {@code .data} section. The live Windows source has not run on Windows in CI, so this is what
 * stands between a wrong offset and wrong numbers on a real machine.
 *
 * <p>Other projects' declarations (System Informer's phnt {@code ntexapi.h}, ReactOS's {@code ndk/extypes.h}) are
 * compared the same way when their headers are named in {@code POOLTAGS_LAYOUT_REFERENCES} (paths separated by the
 * path separator): the structures are cut out of each header into a scratch folder, never kept here.
 */
class WindowsLayoutTest {
    private static final Path SOURCE = Path.of("src/test/windows/layouts.c");
    private static final List<String> STRUCTS = List.of("SYSTEM_POOLTAG", "SYSTEM_POOLTAG_INFORMATION",
            "SYSTEM_SESSION_POOLTAG_INFORMATION", "SYSTEM_BIGPOOL_ENTRY", "SYSTEM_BIGPOOL_INFORMATION");
    private static final int ABSENT = 0xFFFFFFFF;

    @TempDir
    Path dir;

    @Test
    void pooltagsDeclarationsCompileToTheLayoutsTheDecoderUses() throws Exception {
        assertThat(compile("i686-w64-mingw32-gcc", List.of())).isEqualTo(expected(WindowsPoolBuffers.X86));
        assertThat(compile("x86_64-w64-mingw32-gcc", List.of())).isEqualTo(expected(WindowsPoolBuffers.X64));
    }

    @Test
    void otherProjectsDeclarationsAgreeWhereTheyDeclareTheStructures() throws Exception {
        String refs = System.getenv("POOLTAGS_LAYOUT_REFERENCES");
        Assumptions.assumeTrue(refs != null && !refs.isBlank(),
                "POOLTAGS_LAYOUT_REFERENCES names no header (phnt's ntexapi.h, ReactOS's ndk/extypes.h)");
        for (String ref : refs.split(File.pathSeparator)) {
            Path header = Path.of(ref);
            Map<String, String> found = structs(Files.readString(header, StandardCharsets.ISO_8859_1));
            assertThat(found).as("%s declares SYSTEM_POOLTAG", header).containsKeys("SYSTEM_POOLTAG", "SYSTEM_POOLTAG_INFORMATION");
            Path cut = dir.resolve("ref-" + header.getFileName() + ".h");
            StringBuilder h = new StringBuilder("#define _Field_size_(x)\n#define _Field_size_bytes_(x)\n");
            for (String s : STRUCTS) {
                if (found.containsKey(s)) {
                    h.append(found.get(s)).append('\n');
                }
            }
            Files.writeString(cut, h);
            List<String> defines = new ArrayList<>(List.of("-DPT_PREFIX=\"" + cut.toAbsolutePath() + "\""));
            if (!found.containsKey("SYSTEM_SESSION_POOLTAG_INFORMATION")) {
                defines.add("-DPT_NO_SESSION");
            }
            if (!found.containsKey("SYSTEM_BIGPOOL_ENTRY") || !found.containsKey("SYSTEM_BIGPOOL_INFORMATION")) {
                defines.add("-DPT_NO_BIGPOOL");
            }
            compareWhereDeclared(header + " (x86)", compile("i686-w64-mingw32-gcc", defines), expected(WindowsPoolBuffers.X86));
            compareWhereDeclared(header + " (x64)", compile("x86_64-w64-mingw32-gcc", defines), expected(WindowsPoolBuffers.X64));
        }
    }

    @Test
    void theStructureCutterFindsNestedUnionsWhole() {
        String text = "typedef struct _SYSTEM_POOLTAG\n{\n union\n {\n UCHAR Tag[4];\n ULONG TagUlong;\n } DUMMYUNIONNAME;\n"
                + " ULONG PagedAllocs;\n} SYSTEM_POOLTAG, *PSYSTEM_POOLTAG;\ntypedef struct _OTHER { int x; } OTHER;";
        Map<String, String> s = structs(text);
        assertThat(s).containsOnlyKeys("SYSTEM_POOLTAG");
        assertThat(s.get("SYSTEM_POOLTAG")).endsWith("} SYSTEM_POOLTAG, *PSYSTEM_POOLTAG;").contains("PagedAllocs");
    }

    private static void compareWhereDeclared(String what, Map<String, Integer> actual, Map<String, Integer> expected) {
        int compared = 0;
        for (Map.Entry<String, Integer> e : actual.entrySet()) {
            if (e.getValue() != ABSENT) {
                assertThat(e.getValue()).as("%s: %s", what, e.getKey()).isEqualTo(expected.get(e.getKey()));
                compared++;
            }
        }
        assertThat(compared).as("%s: values compared", what).isGreaterThanOrEqualTo(9);
    }

    private static Map<String, Integer> expected(WindowsPoolBuffers.Layout layout) {
        return layout.byName();
    }

    /** The typedef of each wanted structure, from {@code typedef struct _NAME} to the closing {@code } NAME...;}. */
    static Map<String, String> structs(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : STRUCTS) {
            Matcher m = Pattern.compile("typedef\\s+struct\\s+_" + name + "\\s*\\{").matcher(text);
            if (!m.find()) {
                continue;
            }
            int depth = 0;
            int i = m.end() - 1;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            int semi = text.indexOf(';', i);
            if (i < text.length() && semi > 0) {
                out.put(name, text.substring(m.start(), semi + 1));
            }
        }
        return out;
    }

    /** Compiles layouts.c and reads pooltags_layout[] back, named as {@link WindowsPoolBuffers.Layout#byName()}. */
    private Map<String, Integer> compile(String compiler, List<String> defines) throws IOException, InterruptedException {
        Path cc = TestTools.require(compiler);
        Path obj = dir.resolve(compiler + "-" + defines.size() + ".o");
        List<String> cmd = new ArrayList<>(List.of(cc.toString(), "-c", "-O0", "-o", obj.toString()));
        cmd.addAll(defines);
        cmd.add(SOURCE.toAbsolutePath().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s failed:%n%s", String.join(" ", cmd), out).isZero();
        int[] values = dataSection(Files.readAllBytes(obj));
        List<String> names = new ArrayList<>(WindowsPoolBuffers.X64.byName().keySet());
        // the section may be padded to its alignment: the array is all of it but trailing zeros
        assertThat(values.length).as("pooltags_layout[] entries in %s", obj).isGreaterThanOrEqualTo(names.size());
        for (int i = names.size(); i < values.length; i++) {
            assertThat(values[i]).as("padding after pooltags_layout[] in %s", obj).isZero();
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    /** The .data section of a COFF object as little-endian 32-bit values: the file header, then 40-byte section headers. */
    static int[] dataSection(byte[] coff) {
        ByteBuffer b = ByteBuffer.wrap(coff).order(ByteOrder.LITTLE_ENDIAN);
        int sections = Short.toUnsignedInt(b.getShort(2));
        int optional = Short.toUnsignedInt(b.getShort(16));
        for (int s = 0; s < sections; s++) {
            int h = 20 + optional + 40 * s;
            byte[] name = new byte[8];
            b.get(h, name);
            if (new String(name, StandardCharsets.US_ASCII).startsWith(".data\0")) {
                int size = b.getInt(h + 16);
                int at = b.getInt(h + 20);
                int[] v = new int[size / 4];
                for (int i = 0; i < v.length; i++) {
                    v[i] = b.getInt(at + 4 * i);
                }
                return v;
            }
        }
        throw new AssertionError("no .data section in the object");
    }
}
