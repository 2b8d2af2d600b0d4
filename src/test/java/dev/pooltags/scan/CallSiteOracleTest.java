package dev.pooltags.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.pe.PeImage;
import dev.pooltags.pe.PeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scan finds the same pool-routine call sites as an independent reading of llvm-objdump's disassembly
 * (Debian package llvm; CI installs it): no call missed, none invented. Calls through the driver's own wrappers
 * are the scan's extra and not compared.
 */
class CallSiteOracleTest {
    @BeforeAll
    static void needsObjdump() {
        Assumptions.assumeTrue(dev.pooltags.TestTools.onPath("llvm-objdump"), "llvm-objdump is not installed");
    }

    static Stream<Path> drivers() throws Exception {
        try (Stream<Path> s = Files.walk(TestDrivers.BUILDS)) {
            return s.filter(p -> p.toString().endsWith(".sys")).sorted().toList().stream();
        }
    }

    /** Direct call sites the scan reports (not through a wrapper). */
    static Set<Integer> scanned(PeImage img) {
        Set<Integer> out = new TreeSet<>();
        for (TagUse u : ImageScanner.scan(img).uses()) {
            if (!u.throughWrapper() && u.routine().selectorArgument() < 0) { // the oracle leaves shared exports out
                out.add(u.site());
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("drivers")
    void sameCallSitesAsTheDisassembly(Path driver) throws Exception {
        PeImage img = PeReader.read(driver);
        Set<Integer> oracle = ObjdumpOracle.callSites(driver, img);
        assertThat(oracle).as("the oracle found calls at all").hasSizeGreaterThan(8);
        assertThat(scanned(img)).as(driver.toString()).isEqualTo(oracle);
    }
}
