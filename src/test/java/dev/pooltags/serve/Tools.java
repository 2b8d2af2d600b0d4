package dev.pooltags.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** External tools the serve tests drive (promtool, openssl, chromium): found on PATH, or the test is skipped. */
final class Tools {
    private Tools() {}

    record Result(int exit, String out) {}

    static Optional<Path> find(String name) {
        return dev.pooltags.TestTools.find(name);
    }

    /** The tool, or the test is skipped (in CI, where .ci/run installs it, it fails): {@link dev.pooltags.TestTools#require}. */
    static Path require(String name) {
        return dev.pooltags.TestTools.require(name);
    }

    /** A self-signed EC certificate for 127.0.0.1 and localhost made by openssl, as {@code cert} and {@code key} in dir. */
    static void certificate(Path dir, String cert, String key) throws IOException, InterruptedException {
        Path openssl = require("openssl");
        Result gen = run(dir, new byte[0], List.of(openssl.toString(), "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"));
        if (gen.exit() != 0) {
            throw new IllegalStateException("openssl failed: " + gen.out());
        }
    }

    /** Runs a command with the given standard input; stdout and stderr together. Bounded to two minutes. */
    static Result run(Path workDir, byte[] stdin, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin);
            } catch (IOException ignored) {
                // the tool stopped reading: its exit code tells why
            }
        });
        feeder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 2 minutes");
        }
        feeder.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
    }
}
