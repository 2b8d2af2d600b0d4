package dev.pooltags.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Every example of README.md and docs/*.md runs as written and prints what the doc shows (the convention:
 * docs/examples/README.md, parsed by {@link DocExample}, compared by {@link DocOutput}). The examples of one file run
 * in document order, each command a real shell line ({@code bash -c}) in a scratch checkout
 * {@code target/docs-examples/FILE/repo}: {@code src} linked, {@code docs/examples} copied, {@code ../shared} beside it
 * linked to this checkout's {@code ../shared}, {@code ./pooltags} and {@code pooltags} a JVM on the test class path,
 * HOME and Java's user.home an empty folder (shown as {@code ~}), TZ UTC. Blocks marked parse-only are parsed by the
 * real command line.
 */
class DocsExamplesSharedDataTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SCRATCH = ROOT.resolve("target/docs-examples");
    private static final Map<String, Path> CHECKOUTS = new LinkedHashMap<>();
    private static final List<String> SUMMARY = new ArrayList<>();
    private static int ran;
    private static int parsed;
    private static int onDemo;

    static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    @TestFactory
    Stream<DynamicNode> everyExampleRunsAsWritten() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        String only = System.getProperty("docs.examples", ""); // -Ddocs.examples=docs/leaks.md runs one file's
        for (Path doc : docs()) {
            String name = ROOT.relativize(doc).toString();
            if (!only.isEmpty() && !only.equals(name)) {
                continue;
            }
            List<DocExample> examples = DocExample.read(doc, name);
            List<DynamicTest> tests = new ArrayList<>();
            for (DocExample e : examples) {
                tests.add(DynamicTest.dynamicTest(e.toString(), doc.toUri(), () -> check(e)));
            }
            files.add(DynamicContainer.dynamicContainer(name, tests.stream()));
        }
        return files.stream();
    }

    @AfterAll
    static void summary() throws IOException {
        SUMMARY.add(0, ran + " commands run and compared, " + parsed + " pooltags commands parsed only, " + onDemo
                + " of them run once on the demo source as well");
        Files.createDirectories(SCRATCH);
        Files.write(SCRATCH.resolve("summary.txt"), SUMMARY, StandardCharsets.UTF_8);
    }

    private static void check(DocExample e) throws Exception {
        if (e.parseOnly()) {
            int n = 0;
            Set<String> written = new HashSet<>(); // what commands before it in the block write
            for (DocExample.Step s : e.steps()) {
                for (List<String> args : ShellLine.pooltagsCommands(s.command())) {
                    parse(e, s, args, checkout(e.file()), written);
                    n++;
                    List<String> demo = onDemo(args);
                    if (demo != null) {
                        Path repo = checkout(e.file());
                        Result r = run(repo, repo.resolveSibling("home"), 0, "./pooltags " + shellQuoted(demo));
                        assertEquals(0, r.exit(), e.file() + ":" + s.line() + ": $ " + s.command()
                                + "\n  the same on the demo source, ./pooltags " + shellQuoted(demo) + ", failed:\n" + r.printed());
                        onDemo++;
                    }
                }
            }
            assertTrue(n > 0, e + ": a parse-only example with no pooltags command in it");
            parsed += n;
            SUMMARY.add(e + ": " + n + " parsed");
            return;
        }
        boolean promtool = e.steps().stream().anyMatch(s -> s.command().contains("promtool"));
        Assumptions.assumeTrue(!promtool || dev.pooltags.TestTools.onPath("promtool"),
                "promtool is not installed (CI installs it)");
        Path repo = checkout(e.file());
        Path home = repo.resolveSibling("home");
        int previous = 0;
        List<String> failures = new ArrayList<>();
        for (DocExample.Step s : e.steps()) {
            long start = System.nanoTime();
            Result r = run(repo, home, previous, s.command());
            ran++;
            previous = r.exit();
            DocOutput.Expected want = DocOutput.expected(s.expected());
            List<String> got = DocOutput.actual(r.printed().replace(home.toString(), "~"));
            String where = e.file() + ":" + s.line() + ": $ " + s.command();
            Path printed = Files.createDirectories(repo.resolveSibling("printed")).resolve(s.line() + ".txt");
            Files.write(printed, got, StandardCharsets.UTF_8); // what it printed, normalised, beside the checkout
            if (!DocOutput.matches(want.lines(), got)) {
                failures.add(where + "\n" + DocOutput.difference(want.lines(), got) + "exit status " + r.exit());
            }
            if (want.exit() != null && want.exit() != r.exit()) {
                failures.add(where + "\nexit status " + r.exit() + ", the doc shows (exit " + want.exit() + ")");
            }
            if (r.exit() == ExitCode.INTERNAL.code() && (want.exit() == null || want.exit() != ExitCode.INTERNAL.code())) {
                failures.add(where + "\nexit status 5 (internal error):\n" + r.printed());
            }
            SUMMARY.add(where + "  (" + (System.nanoTime() - start) / 1_000_000 + " ms, exit " + r.exit() + ")");
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n\n", failures));
        }
    }

    /**
     * A live snapshot or top (this machine's source or a demo, not a replay) once more on the demo source, so that values the command checks
     * only when it runs ({@code --sort byte}) fail too: {@code --source demo:healthy}, top with {@code --once}, no
     * {@code -o}. Null for other commands.
     */
    static List<String> onDemo(List<String> args) {
        if (args.isEmpty() || !(args.get(0).equals("snapshot") || args.get(0).equals("top"))
                || args.stream().anyMatch(a -> a.startsWith("replay:") || a.startsWith("--source=replay:"))) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--source") || a.equals("-o") || a.equals("--output")) {
                i++;
            } else if (!a.startsWith("--source=") && !a.startsWith("-o=") && !a.startsWith("--output=")) {
                out.add(a);
            }
        }
        out.add(1, "--source");
        out.add(2, "demo:healthy");
        if (out.get(0).equals("top") && !out.contains("--once")) {
            out.add("--once");
        }
        return out;
    }

    static String shellQuoted(List<String> args) {
        List<String> q = new ArrayList<>();
        for (String a : args) {
            q.add("'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", q);
    }

    /** Labels of the options and parameters that name an input; the outputs among them are left out by name. */
    private static final Set<String> INPUT_LABELS = Set.of("FILE", "DIR", "PATH", "LOG", "INPUT", "DUMP");
    private static final Set<String> OUTPUTS = Set.of("-o", "--output", "--record", "--textfile");

    /**
     * The real command line's parse of one command: its subcommand, options and values, without running it; and every
     * input it names (an option or parameter labelled FILE, DIR, PATH, LOG, INPUT or DUMP, a replay: source) exists
     * in the doc's scratch checkout, as the examples before it left it, or is written by a command before it in the block
     * (an absolute path is the reader's own).
     */
    private static void parse(DocExample e, DocExample.Step s, List<String> args, Path repo, Set<String> written) {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(sink, true);
        String[] a = PoolMonSwitches.translate(args.toArray(String[]::new));
        CommandLine cl = Main.commandLine(a, w, w);
        try {
            CommandLine.ParseResult pr = cl.parseArgs(a);
            assertTrue(pr.hasSubcommand() || args.contains("--help") || args.contains("--version"),
                    e.file() + ":" + s.line() + ": no subcommand in " + args);
            while (pr.hasSubcommand()) {
                pr = pr.subcommand();
            }
            List<String> inputs = new ArrayList<>();
            for (CommandLine.Model.OptionSpec o : pr.matchedOptions()) {
                if (o.longestName().equals("--source")) {
                    for (String v : o.stringValues()) {
                        if (v.startsWith("replay:")) {
                            inputs.add(v.substring("replay:".length()));
                        }
                    }
                } else if (!Collections.disjoint(OUTPUTS, List.of(o.names()))) {
                    written.addAll(o.stringValues());
                } else if (INPUT_LABELS.contains(o.paramLabel())) {
                    inputs.addAll(o.stringValues());
                }
            }
            for (CommandLine.Model.PositionalParamSpec p : pr.matchedPositionals()) {
                String label = p.paramLabel().replace("...", "").replaceAll("[\\[\\]<>]", "");
                if (INPUT_LABELS.stream().anyMatch(label::contains)) {
                    inputs.addAll(p.stringValues());
                }
            }
            for (String in : inputs) { // an absolute path (/etc/..., C:\\...) is the reader's own file
                if (Path.of(in).isAbsolute() || in.matches("[A-Za-z]:\\\\.*") || written.contains(in)) {
                    continue;
                }
                assertTrue(Files.exists(repo.resolve(in)), e.file() + ":" + s.line() + ": $ " + s.command()
                        + "\n  names " + in + ", which a fresh checkout does not have (nor do the examples before it make it)");
            }
        } catch (CommandLine.ParameterException ex) {
            fail(e.file() + ":" + s.line() + ": $ " + s.command() + "\n  pooltags " + String.join(" ", args)
                    + " does not parse: " + ex.getMessage());
        }
    }

    private record Result(int exit, String printed) {}

    private static Result run(Path repo, Path home, int previous, String command) throws Exception {
        Path out = Files.createTempFile(SCRATCH, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "(exit " + previous + "); " + command);
        pb.directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.remove("POOLTAGS_TAGFILE");
        env.remove("XDG_CONFIG_HOME");
        env.remove("POOLTAGS_JAVA_OPTS");
        env.put("HOME", home.toString());
        env.put("TZ", "UTC");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PATH", repo.resolveSibling("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(out.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("did not finish in 300 s: " + command);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Result(p.exitValue(), printed);
    }

    /** The scratch checkout of one doc, made fresh on its first example. */
    private static synchronized Path checkout(String doc) throws IOException {
        Path existing = CHECKOUTS.get(doc);
        if (existing != null) {
            return existing;
        }
        Path base = SCRATCH.resolve(doc.replace('/', '_').replace(".md", ""));
        delete(base);
        Path repo = base.resolve("repo");
        Files.createDirectories(repo.resolve("docs"));
        Files.createDirectories(base.resolve("home"));
        Files.createDirectories(base.resolve("bin"));
        Path shared = ROOT.resolve("../shared").normalize();
        assertTrue(Files.isDirectory(shared.resolve("data")), "../shared/data must sit beside the checkout");
        Files.createSymbolicLink(base.resolve("shared"), shared.toRealPath());
        Files.createSymbolicLink(repo.resolve("src"), ROOT.resolve("src"));
        copy(ROOT.resolve("docs/examples"), repo.resolve("docs/examples"));
        dev.pooltags.debugger.CaseLogAccess.write(Files.createDirectories(repo.resolve("target/debugger")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String shim = "#!/bin/sh\n# pooltags on the test class path (the docs' ./pooltags and pooltags)\nexec '" + java
                + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto '-Duser.home=" + base.resolve("home")
                + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.pooltags.cli.Main \"$@\"\n";
        for (Path p : List.of(repo.resolve("pooltags"), base.resolve("bin/pooltags"))) {
            Files.writeString(p, shim, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        CHECKOUTS.put(doc, repo);
        return repo;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) { // walk does not follow the links into src and ../shared
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
    }
}
