package dev.pooltags.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pooltags.TestTools;
import dev.pooltags.pe.PeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds the test drivers from source with the compilers installed here (CI installs Debian's mingw-w64,
 * clang, lld and llvm), then checks the fresh build against the sources' annotations and that the scan finds
 * the same tags in it as in the committed binaries. Whatever version of the compilers, the truth is the source.
 */
class DriverRebuildTest {
    static final List<String> TOOLS = List.of("bash", "clang", "lld-link", "llvm-dlltool", "llvm-nm", "x86_64-w64-mingw32-gcc",
            "i686-w64-mingw32-gcc", "x86_64-w64-mingw32-dlltool", "i686-w64-mingw32-dlltool", "x86_64-w64-mingw32-strip",
            "i686-w64-mingw32-strip");

    @Test
    void freshBuildsScanToTheSameTags(@TempDir Path out) throws IOException, InterruptedException {
        for (String t : TOOLS) {
            Assumptions.assumeTrue(TestTools.onPath(t), t + " is not installed (Debian: gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 clang lld llvm)");
        }
        Process p = new ProcessBuilder("bash", TestDrivers.SOURCES.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("build finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        for (String build : TestDrivers.BUILD_NAMES) {
            for (String driver : TestDrivers.DRIVERS) {
                DriverManifestTest.check(out.resolve(build), driver);
                assertThat(tags(out.resolve(build), driver)).as(build + "/" + driver)
                        .isEqualTo(tags(TestDrivers.BUILDS.resolve(build), driver));
            }
        }
    }

    /** Routine, status and tag of every call found (addresses differ between compiler versions; tags do not). */
    private static Set<String> tags(Path build, String driver) {
        Set<String> out = new TreeSet<>();
        for (TagUse u : ImageScanner.scan(PeReader.read(TestDrivers.binary(build, driver))).uses()) {
            out.add(u.routine().routineName() + " " + u.status().label() + " " + (u.tag() == null ? "" : u.tag())
                    + (u.throughWrapper() ? " via a wrapper" : ""));
        }
        return out;
    }
}
