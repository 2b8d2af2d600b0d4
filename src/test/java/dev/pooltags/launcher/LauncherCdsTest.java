package dev.pooltags.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 13: a moved or copied checkout printed {@code [warning][cds,dynamic] Unable to use shared archive}
 * on every command and never rebuilt the archive. The real {@code pooltags} launcher runs a small jar in a
 * checkout of its own; the checkout is moved, the JVM the archive was made for is changed: every run stays silent
 * and the archive is recorded again for the new place.
 */
class LauncherCdsTest {
    record Run(int exit, String out, String err) {}

    static Run run(Path launcher, String... args) throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.home")), launcher, args);
    }

    static Run run(Path javaHome, Path launcher, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().remove("POOLTAGS_JAVA_OPTS");
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 60 s");
        }
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** A checkout with the launcher, its build inputs older than the jar (so it builds nothing), and a probe jar. */
    static Path checkout(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.copy(Path.of("pooltags"), dir.resolve("pooltags"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(dir.resolve("pom.xml"), old);
        Files.setLastModifiedTime(dir.resolve("src/main"), old);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream o = Files.newOutputStream(dir.resolve("target/pooltags.jar"));
                JarOutputStream jar = new JarOutputStream(o, m);
                InputStream cls = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            cls.transferTo(jar);
            jar.closeEntry();
        }
        return dir;
    }

    /** The archive the launcher keeps for a JDK: {@code target/startup/<the java's real path, made a name>.jsa|.aot}. */
    static Path archive(Path checkout, Path javaHome, String ext) throws IOException {
        String java = javaHome.resolve("bin/java").toRealPath().toString();
        return checkout.resolve("target/startup").resolve(java.replaceAll("[^A-Za-z0-9._-]", "_") + ext);
    }

    static Path java17() {
        return Path.of(System.getProperty("java.home"));
    }

    @Test
    void aMovedCheckoutStaysSilentAndRecordsItsArchiveAgain(@TempDir Path tmp) throws Exception {
        Path a = checkout(tmp.resolve("a"));
        Run first = run(a.resolve("pooltags"), "--version");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("probe --version\n");
        assertThat(first.err()).isEmpty();
        assertThat(archive(a, java17(), ".jsa")).exists();
        assertThat(run(a.resolve("pooltags"), "lookup").err()).isEmpty();

        Path b = tmp.resolve("b");
        Files.move(a, b);
        for (int i = 0; i < 2; i++) {
            Run moved = run(b.resolve("pooltags"), "lookup", "x");
            assertThat(moved.exit()).isZero();
            assertThat(moved.out()).isEqualTo("probe lookup x\n");
            assertThat(moved.err()).as("run %d after the move", i).isEmpty();
        }
        Path jsa = archive(b, java17(), ".jsa");
        assertThat(Files.readString(Path.of(jsa + ".for"))).startsWith(b.resolve("target/pooltags.jar") + " ");
        assertThat(jsa).exists();

        // an archive made for another JVM (or before the JDK was updated): dropped and recorded again, silently
        Files.writeString(Path.of(jsa + ".for"), b.resolve("target/pooltags.jar") + " /opt/other/bin/java 1");
        assertThat(run(b.resolve("pooltags"), "--version").err()).isEmpty();
        assertThat(Files.readString(Path.of(jsa + ".for"), StandardCharsets.UTF_8)).doesNotContain("/opt/other");
        assertThat(run(b.resolve("pooltags"), "--version").err()).isEmpty();

        // a jar rebuilt by 'mvn package' (newer than the archive): the archive goes and is recorded again
        FileTime before = Files.getLastModifiedTime(jsa);
        Files.setLastModifiedTime(b.resolve("target/pooltags.jar"), FileTime.from(before.toInstant().plusSeconds(5)));
        Run rebuilt = run(b.resolve("pooltags"), "lookup", "y");
        assertThat(rebuilt.out()).isEqualTo("probe lookup y\n");
        assertThat(rebuilt.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(jsa)).isNotEqualTo(before);
    }

    /** The JDKs installed beside this one (under /usr/lib/jvm) whose feature release is 25 or later. */
    static java.util.Optional<Path> jdk25OrLater() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return java.util.Optional.empty();
        }
        try (var s = Files.list(jvms)) {
            return s.filter(h -> Files.isExecutable(h.resolve("bin/java")) && Files.isRegularFile(h.resolve("release"))).filter(h -> {
                try {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(h.resolve("release")));
                    return m.find() && Integer.parseInt(m.group(1)) >= 25;
                } catch (IOException e) {
                    return false;
                }
            }).sorted().findFirst();
        }
    }

    /** On JDK 25 and later the launcher keeps an AOT cache instead: recorded by the first run, used by the next. */
    @Test
    void onJdk25TheFirstRunTrainsAnAotCacheThatLaterRunsUse(@TempDir Path tmp) throws Exception {
        java.util.Optional<Path> jdk = jdk25OrLater();
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk.isPresent(), "no JDK 25 or later under /usr/lib/jvm");
        Path a = checkout(tmp.resolve("a"));
        Run first = run(jdk.get(), a.resolve("pooltags"), "lookup", "Ntfx");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("probe lookup Ntfx\n");
        assertThat(first.err()).isEmpty();
        Path aot = archive(a, jdk.get(), ".aot");
        assertThat(aot).exists();
        assertThat(Path.of(aot + ".conf")).doesNotExist();
        FileTime made = Files.getLastModifiedTime(aot);
        Run second = run(jdk.get(), a.resolve("pooltags"), "lookup", "Ntfx");
        assertThat(second.out()).isEqualTo("probe lookup Ntfx\n");
        assertThat(second.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(aot)).isEqualTo(made);
        // the JDK 17 archive and the JDK 25 cache live side by side: switching JDKs records nothing again
        run(a.resolve("pooltags"), "lookup");
        Run back = run(jdk.get(), a.resolve("pooltags"), "lookup", "Ntfx");
        assertThat(back.err()).isEmpty();
        assertThat(Files.getLastModifiedTime(aot)).isEqualTo(made);
        assertThat(archive(a, java17(), ".jsa")).exists();
    }
}
