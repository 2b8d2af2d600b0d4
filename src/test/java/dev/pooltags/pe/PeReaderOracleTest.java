package dev.pooltags.pe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PE reader against llvm-readobj (Debian package llvm; CI installs it) on every test driver: the same
 * sections, the same imports per module in the same order with the same import-address-table start, the same
 * number of .pdata entries. llvm-readobj is only the oracle here; pooltags never runs it.
 */
class PeReaderOracleTest {
    @BeforeAll
    static void needsReadobj() {
        Assumptions.assumeTrue(TestTools.onPath("llvm-readobj"), "llvm-readobj is not installed");
    }

    static Stream<Path> drivers() throws IOException {
        try (Stream<Path> s = Files.walk(PeReaderTest.DRIVERS)) {
            return s.filter(p -> p.toString().endsWith(".sys")).sorted().toList().stream();
        }
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @ParameterizedTest
    @MethodSource("drivers")
    void sectionsImportsAndFunctionsMatchLlvmReadobj(Path driver) throws Exception {
        PeImage img = PeReader.read(driver);

        String sections = run("llvm-readobj", "--sections", driver.toString());
        List<String> oracleSections = new ArrayList<>();
        Matcher m = Pattern.compile("Name: (\\S+) \\(.*?\\)\\s+VirtualSize: 0x([0-9A-F]+)\\s+VirtualAddress: 0x([0-9A-F]+)\\s+"
                + "RawDataSize: (\\d+)\\s+PointerToRawData: 0x([0-9A-F]+)").matcher(sections);
        while (m.find()) {
            oracleSections.add(m.group(1) + " " + Long.parseLong(m.group(2), 16) + " " + Long.parseLong(m.group(3), 16) + " "
                    + m.group(4) + " " + Long.parseLong(m.group(5), 16));
        }
        List<String> ours = img.sections().stream().map(s -> s.name() + " " + Integer.toUnsignedLong(s.virtualSize()) + " "
                + Integer.toUnsignedLong(s.virtualAddress()) + " " + Integer.toUnsignedLong(s.rawSize()) + " "
                + Integer.toUnsignedLong(s.rawOffset())).toList();
        assertThat(ours).isEqualTo(oracleSections);

        String imports = run("llvm-readobj", "--coff-imports", driver.toString());
        List<String> oracleImports = new ArrayList<>();
        String module = null;
        long iat = 0;
        int k = 0;
        for (String line : imports.split("\n")) {
            line = line.trim();
            if (line.startsWith("Name: ")) {
                module = line.substring(6);
            } else if (line.startsWith("ImportAddressTableRVA: 0x")) {
                iat = Long.parseLong(line.substring(25), 16);
                k = 0;
            } else if (line.startsWith("Symbol: ")) {
                String name = line.substring(8, line.lastIndexOf(" ("));
                oracleImports.add(module + "!" + name + "@" + (iat + (long) img.pointerSize() * k++));
            }
        }
        List<String> ourImports = img.imports().stream()
                .map(i -> i.module() + "!" + i.displayName() + "@" + Integer.toUnsignedLong(i.slotRva())).toList();
        assertThat(ourImports).isEqualTo(oracleImports);

        if (img.machine() != Machine.X86) {
            String unwind = run("llvm-readobj", "--unwind", driver.toString());
            int entries = unwind.split("RuntimeFunction \\{", -1).length - 1;
            assertThat(img.functions()).hasSize(entries);
        }
    }
}
