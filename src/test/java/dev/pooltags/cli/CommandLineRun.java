package dev.pooltags.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command line, in process or as a child JVM, and keeps its exit code, stdout and stderr. */
public record CommandLineRun(int exit, String out, String err) {
    /** In this JVM through {@link Main#run}. */
    public static CommandLineRun inProcess(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** As a separate java process with the test class path: real exit code and streams. */
    public static CommandLineRun childJvm(String... args) {
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(List.of(args));
            File outF = File.createTempFile("pooltags-out", ".txt");
            File errF = File.createTempFile("pooltags-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(outF).redirectError(errF).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("pooltags " + String.join(" ", args) + " did not finish in 120 s");
            }
            String out = Files.readString(outF.toPath(), StandardCharsets.UTF_8);
            String err = Files.readString(errF.toPath(), StandardCharsets.UTF_8);
            outF.delete();
            errF.delete();
            return new CommandLineRun(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
