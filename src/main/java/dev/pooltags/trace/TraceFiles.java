package dev.pooltags.trace;

import dev.pooltags.source.InputException;
import dev.pooltags.source.TextFiles;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/** Opens a trace file with the reader its content calls for. */
public final class TraceFiles {
    private static final int SNIFF = 64 * 1024;

    /** The formats {@code pooltags trace} reads. */
    public enum Format {
        XPERF_CSV, VERIFIER, JSON_LINES
    }

    private TraceFiles() {}

    /**
     * Opens {@code file}, telling its format from its first lines.
     *
     * @throws InputException when the file is missing, unreadable, binary or in no known format
     */
    public static TraceReader open(Path file, Consumer<TraceProblem> problems) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(file, "is a folder, not a trace file");
        }
        InputStream in;
        byte[] head;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(SNIFF);
            head = in.readNBytes(SNIFF);
            in.reset();
        } catch (IOException e) {
            throw InputException.unreadable(file, e);
        }
        Format f;
        try {
            f = detect(name, head);
        } catch (InputException e) {
            closeQuietly(in);
            throw e;
        }
        return switch (f) {
            case XPERF_CSV -> new XperfDumperReader(name, in, problems);
            case JSON_LINES -> TraceJsonLines.reader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), problems);
            case VERIFIER -> new VerifierOutputReader(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1)), problems);
        };
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the detection error is what the user needs to see
        }
    }

    /** The format of a file whose first bytes are {@code head}. */
    public static Format detect(String name, byte[] head) {
        if (TextFiles.looksBinary(head)) {
            throw new InputException(name, 0, "is a binary file; an .etl trace must first be written as text with "
                    + "xperf -i trace.etl -o trace.csv -a dumper");
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r?\n", -1);
        String first = Arrays.stream(lines).map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        if (first.startsWith("\u00EF\u00BB\u00BF")) {
            first = first.substring(3);
        }
        if (first.equals("BeginHeader")) {
            return Format.XPERF_CSV;
        }
        if (first.startsWith("{")) {
            return Format.JSON_LINES;
        }
        for (String l : lines) {
            String s = l.strip();
            if (s.startsWith("MODULE:") || s.startsWith("nt!_VF_TARGET_DRIVER") || s.contains("!verifier")
                    || s.startsWith("Driver Verification List") || s.startsWith("Pool Allocation Statistics")
                    || s.startsWith("PoolAddress")) {
                return Format.VERIFIER;
            }
        }
        if (first.isEmpty()) {
            throw new InputException(name, 0, "is empty");
        }
        throw new InputException(name, 1, "cannot tell the format: expected xperf dumper CSV (starting with BeginHeader), "
                + "pooltags JSON lines (starting with {) or !verifier 3 output (with MODULE: or nt!_VF_TARGET_DRIVER lines)");
    }
}
