package dev.pooltags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows launcher's staleness rule, which the jar applies for it: the rule itself, the jar's answer to the
 * launcher (exit 75 and nothing printed, run from a real jar), and pooltags.cmd's side of the protocol (cmd.exe does not
 * run here, so its text is read: it must name its checkout, rebuild on 75 once, and ask no more after a rebuild).
 */
class CheckoutFreshnessTest {
    private static final Instant BUILT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path checkout(Instant sourceTime, Instant pomTime) throws IOException {
        Path src = Files.createDirectories(dir.resolve("co/src/main/java/x"));
        Path java = Files.writeString(src.resolve("A.java"), "class A {}");
        Files.setLastModifiedTime(java, FileTime.from(sourceTime));
        Path pom = Files.writeString(dir.resolve("co/pom.xml"), "<project/>");
        Files.setLastModifiedTime(pom, FileTime.from(pomTime));
        return dir.resolve("co");
    }

    private Path jar(Instant time) throws IOException {
        Path jar = Files.createDirectories(dir.resolve("co/target")).resolve("pooltags.jar");
        Files.write(jar, new byte[] {'P', 'K'});
        Files.setLastModifiedTime(jar, FileTime.from(time));
        return jar;
    }

    @Test
    void aSourceOrThePomNewerThanTheJarMakesItStale() throws IOException {
        Path co = checkout(BUILT.plusSeconds(1), BUILT.minusSeconds(60));
        Path jar = jar(BUILT);
        assertThat(CheckoutFreshness.newerThan(jar, co)).contains(co.resolve("src/main/java/x/A.java"));
        Files.setLastModifiedTime(co.resolve("src/main/java/x/A.java"), FileTime.from(BUILT.minusSeconds(1)));
        assertThat(CheckoutFreshness.newerThan(jar, co)).isEmpty();
        Files.setLastModifiedTime(co.resolve("pom.xml"), FileTime.from(BUILT.plusSeconds(5)));
        assertThat(CheckoutFreshness.newerThan(jar, co)).contains(co.resolve("pom.xml"));
        Files.setLastModifiedTime(co.resolve("pom.xml"), FileTime.from(BUILT.minusSeconds(5)));
        Path bench = Files.createDirectories(co.resolve("src/bench/java"));
        Files.setLastModifiedTime(Files.writeString(bench.resolve("B.java"), "class B {}"), FileTime.from(BUILT.plusSeconds(2)));
        assertThat(CheckoutFreshness.newerThan(jar, co)).contains(bench.resolve("B.java"));
    }

    @Test
    void aFileOutsideSrcMainDoesNotMakeItStale() throws IOException {
        Path co = checkout(BUILT.minusSeconds(1), BUILT.minusSeconds(1));
        Path jar = jar(BUILT);
        Path test = Files.createDirectories(co.resolve("src/test/java"));
        Files.setLastModifiedTime(Files.writeString(test.resolve("T.java"), "class T {}"), FileTime.from(BUILT.plusSeconds(9)));
        Files.setLastModifiedTime(Files.writeString(co.resolve("README.md"), "#"), FileTime.from(BUILT.plusSeconds(9)));
        assertThat(CheckoutFreshness.newerThan(jar, co)).isEmpty();
    }

    @Test
    void noCheckoutOrClassesFromAFolderNeverStopTheCommand() throws IOException {
        assertThat(CheckoutFreshness.staleLaunch(null)).isFalse();
        assertThat(CheckoutFreshness.staleLaunch(" ")).isFalse();
        // these tests run from target/classes, a folder, not a jar: nothing to compare with
        Path co = checkout(Instant.now().plusSeconds(3600), BUILT);
        assertThat(CheckoutFreshness.staleLaunch(co.toString())).isFalse();
        assertThat(CheckoutFreshness.staleLaunch(dir.resolve("gone").toString())).isFalse();
    }

    /** pooltags' classes packed into a jar of the given time, first on a class path that has the rest. */
    private Process run(Path jar, String checkout) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + System.getProperty("java.class.path"), Main.class.getName(),
                "lookup", "--tagfile", dir.resolve("tags.txt").toString(), "Ntfx"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put(CheckoutFreshness.CHECKOUT_VARIABLE, checkout);
        return pb.start();
    }

    @Test
    void aStaleJarExits75WithoutOutputAndAFreshOneRunsTheCommand() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("pooltags.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        Files.writeString(dir.resolve("tags.txt"), "Ntfx - ntfs.sys     - SCB_INDEX normalized named buffers\n");
        Instant jarTime = Files.getLastModifiedTime(jar).toInstant();
        Path co = checkout(jarTime.plusSeconds(60), jarTime.minusSeconds(60));

        Process stale = run(jar, co.toString());
        String staleOut = new String(stale.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stale.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stale.exitValue()).isEqualTo(CheckoutFreshness.STALE_EXIT);
        assertThat(staleOut).isEmpty();

        Files.setLastModifiedTime(co.resolve("src/main/java/x/A.java"), FileTime.from(jarTime.minusSeconds(60)));
        Process fresh = run(jar, co.toString());
        String freshOut = new String(fresh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fresh.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fresh.exitValue()).as(freshOut).isZero();
        assertThat(freshOut).contains("Ntfx").contains("ntfs.sys");
    }

    @Test
    void pooltagsCmdNamesItsCheckoutRebuildsOnTheStaleCodeOnceAndBuildsLikeTheShellLauncher() throws IOException {
        String cmd = Files.readString(Path.of("pooltags.cmd")).replace("\r\n", "\n");
        assertThat(Files.readString(Path.of("pooltags.cmd"))).as("CRLF line ends for cmd.exe's labels").contains("\r\n")
                .doesNotContainPattern("[^\r]\n");
        assertThat(cmd).contains("set \"" + CheckoutFreshness.CHECKOUT_VARIABLE + "=%HERE%.\"");
        assertThat(cmd).contains("if \"%RC%\"==\"" + CheckoutFreshness.STALE_EXIT + "\" if not defined REBUILT goto build");
        String build = cmd.substring(cmd.indexOf("\n:build\n"), cmd.indexOf("\n:failed\n"));
        assertThat(build).contains("call mvn -q -B -DskipTests package").contains("set \"REBUILT=1\"")
                .contains("set \"" + CheckoutFreshness.CHECKOUT_VARIABLE + "=\"").endsWith("goto run\n");
        assertThat(cmd).contains("if not exist \"%JAR%\" goto build");
        // the shell launcher's rule is the same one: sources under src/main and the pom, newer than the jar
        assertThat(Files.readString(Path.of("pooltags"))).contains("find \"$here/src/main\" \"$here/src/bench\" \"$here/pom.xml\" -newer \"$jar\"");
    }
}
