package dev.pooltags.sniff;

import dev.pooltags.debugger.DebuggerLogReader;
import dev.pooltags.snapshot.DumpSnapshots;
import dev.pooltags.snapshot.PoolMonText;
import dev.pooltags.snapshot.PoolMonXCsv;
import dev.pooltags.snapshot.PoolUsedText;
import dev.pooltags.snapshot.RecordingReader;
import dev.pooltags.snapshot.SlabInfo;
import dev.pooltags.snapshot.SnapshotCsv;
import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.source.TextFiles;
import dev.pooltags.trace.TraceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells what an input is from its first 64 KiB: magic bytes first (PE, kernel and user dumps, recordings), then the text's
 * shape, each format by its own reader's test ({@code looksLike}), so what the sniffer calls a file is what its reader
 * reads it as. A debugger log also counts as the outputs inside it that other readers take ({@code !poolused} for leaks
 * and convert, {@code !verifier 3} for trace).
 */
public final class Sniffer {
    /** How much of a file is looked at. */
    public static final int HEAD = 64 * 1024;

    /** What a file is: its kind, the kinds it can also be read as, and for an unknown binary what it looks like. */
    public record Sniff(Path path, InputKind kind, Set<InputKind> alsoReadAs, String detail) {
        /** True when the file is one of {@code kinds}, or holds one. */
        public boolean isAny(Set<InputKind> kinds) {
            return kinds.contains(kind) || !Collections.disjoint(kinds, alsoReadAs);
        }

        /** What the file is, in a message: the kind's title, with the detail when there is one. */
        public String what() {
            return detail.isEmpty() ? kind.title() : kind.title() + " (" + detail + ")";
        }
    }

    private static final Pattern TAG_LINE = Pattern.compile("^[^\\s].{0,3}\\s*-\\s.*|^.{4}\\s+-\\s*$");
    private static final Pattern C_LINE = Pattern.compile("^\\s*(#\\s*(include|define|pragma|ifdef|ifndef|if)\\b|"
            + "(NTSTATUS|VOID|void|int|static|extern|typedef|struct)\\b.*[;{(]).*");
    private static final Set<String> C_EXTENSIONS = Set.of("c", "cpp", "cc", "cxx", "h", "hpp", "hh", "hxx", "inl", "tmh");

    private Sniffer() {}

    /** What the file or folder at {@code p} is; a missing or unreadable path is an input error naming it. */
    public static Sniff sniff(Path p) {
        if (Files.isDirectory(p)) {
            return new Sniff(p, InputKind.FOLDER, Set.of(), "");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(p)) {
            head = in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new InputException(p, "no such file or folder");
        } catch (AccessDeniedException e) {
            throw new InputException(p, "permission denied");
        } catch (IOException e) {
            throw new InputException(p, "cannot be read: " + Reasons.of(e), e);
        }
        return sniff(p, head);
    }

    /** What a file whose first bytes are {@code head} is ({@code p} gives its name and extension). */
    public static Sniff sniff(Path p, byte[] head) {
        InputKind binary = binaryKind(head);
        if (binary != null) {
            String detail = binary != InputKind.BINARY_OTHER ? "" : String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".etl")
                    ? "an ETW trace: pooltags trace reads it as text, written with xperf -i trace.etl -o trace.csv -a dumper"
                    : binaryDetail(head);
            return new Sniff(p, binary, Set.of(), detail);
        }
        if (head.length == 0) {
            return new Sniff(p, InputKind.EMPTY, Set.of(), "");
        }
        List<String> lines = DebuggerLogReader.lines(head); // byte-order marks, UTF-8 or Latin-1, as the debugger reader decodes
        String text = String.join("\n", lines);
        String first = lines.stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (first.isEmpty()) {
            return new Sniff(p, InputKind.EMPTY, Set.of(), "only blank lines");
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (first.startsWith("{") || first.startsWith("[")) {
            InputKind k = jsonKind(first, text);
            if (k != null) {
                return new Sniff(p, k, Set.of(), "");
            }
        }
        if (SlabInfo.looksLike(first)) {
            return new Sniff(p, InputKind.SLABINFO, Set.of(), "");
        }
        if (PoolMonXCsv.looksLike(first)) {
            return new Sniff(p, InputKind.POOLMONX_CSV, Set.of(), "");
        }
        if (SnapshotCsv.looksLike(first)) {
            return new Sniff(p, InputKind.SNAPSHOT_CSV, Set.of(), "");
        }
        if (first.equals("BeginHeader")) {
            return new Sniff(p, InputKind.XPERF_CSV, Set.of(), "");
        }
        boolean poolused = PoolUsedText.looksLike(text);
        boolean verifier = isVerifier(head);
        if (DebuggerLogReader.looksLikeLog(lines) && !C_EXTENSIONS.contains(ext)) {
            boolean prompt = hasPrompt(lines);
            if (prompt || !poolused && !verifier) {
                Set<InputKind> also = EnumSet.noneOf(InputKind.class);
                if (poolused) {
                    also.add(InputKind.POOLUSED);
                }
                if (verifier) {
                    also.add(InputKind.VERIFIER);
                }
                return new Sniff(p, InputKind.DEBUGGER_LOG, also, prompt ? "" : "pasted output");
            }
        }
        if (poolused) {
            return new Sniff(p, InputKind.POOLUSED, Set.of(InputKind.DEBUGGER_LOG), "");
        }
        if (PoolMonText.looksLike(text)) {
            return new Sniff(p, InputKind.POOLMON, Set.of(), "");
        }
        if (verifier) {
            return new Sniff(p, InputKind.VERIFIER, Set.of(InputKind.DEBUGGER_LOG), "");
        }
        if (C_EXTENSIONS.contains(ext) || isC(lines)) {
            return new Sniff(p, InputKind.C_SOURCE, Set.of(), "");
        }
        if (isTagFile(lines)) {
            return new Sniff(p, InputKind.TAG_FILE, Set.of(), "");
        }
        return new Sniff(p, InputKind.TEXT_OTHER, Set.of(), "");
    }

    private static InputKind binaryKind(byte[] h) {
        if (h.length >= 2 && h[0] == 'M' && h[1] == 'Z') {
            return InputKind.PE_IMAGE;
        }
        if (DumpSnapshots.looksLike(h)) {
            return InputKind.KERNEL_DUMP;
        }
        if (h.length >= 4 && h[0] == 'M' && h[1] == 'D' && h[2] == 'M' && h[3] == 'P') {
            return InputKind.USER_MINIDUMP;
        }
        if (RecordingReader.looksLike(h) || h.length > 0 && h.length < 8 && (h[0] & 0xFF) == 0x89) {
            return InputKind.RECORDING; // a recording killed before its header was complete still is one
        }
        boolean utf16 = h.length >= 2 && ((h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xFE || (h[0] & 0xFF) == 0xFE && (h[1] & 0xFF) == 0xFF);
        return !utf16 && TextFiles.looksBinary(h) ? InputKind.BINARY_OTHER : null;
    }

    /** For a binary of no kind pooltags reads: what its magic bytes say it is, when they are common ones. */
    private static String binaryDetail(byte[] h) {
        String start = new String(h, 0, Math.min(h.length, 8), StandardCharsets.ISO_8859_1);
        if (start.startsWith("PK\u0003\u0004")) {
            return "a ZIP archive";
        }
        if (start.startsWith("\u007FELF")) {
            return "an ELF program or library";
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0x1F && (h[1] & 0xFF) == 0x8B) {
            return "gzip-compressed: uncompress it first";
        }
        if (start.startsWith("%PDF")) {
            return "a PDF document";
        }
        if (start.startsWith("\u0089PNG")) {
            return "a PNG image";
        }
        if (start.startsWith("MSCF")) {
            return "a CAB archive: expand it first";
        }
        if (h.length >= 4 && (h[0] & 0xFF) == 0xCF && (h[1] & 0xFF) == 0xFA && (h[2] & 0xFF) == 0xED && (h[3] & 0xFF) == 0xFE) {
            return "a Mach-O program";
        }
        return "";
    }

    /**
     * The kind of a text starting with a brace: by the keys of its first line (pooltags' JSON Lines), or for a JSON
     * document spread over lines, SARIF by its schema; null for a first line that is not JSON at all (then it is text for
     * a reader to judge, which names the line).
     */
    private static InputKind jsonKind(String first, String text) {
        if (first.contains("\"pooltags-trace\"") || first.contains("\"ev\"") && !first.contains("\"rows\"")) {
            return InputKind.TRACE_JSONL;
        }
        if (first.contains("\"rows\"") || first.startsWith("{\"time\"")) {
            return InputKind.SNAPSHOT_JSONL; // a broken snapshot line is still one: its reader names what is wrong
        }
        boolean lone = first.equals("{") || first.equals("[");
        if (!lone) {
            try {
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(first);
            } catch (java.io.IOException e) {
                return null;
            }
        }
        String t = text.length() > 4096 ? text.substring(0, 4096) : text;
        if (t.contains("sarif") && t.contains("\"$schema\"") || t.contains("\"runs\"") && t.matches("(?s).*\"version\"\\s*:\\s*\"2\\.1\\.0\".*")) {
            return InputKind.SARIF;
        }
        return InputKind.JSON_OTHER;
    }

    private static boolean isVerifier(byte[] head) {
        try {
            return TraceFiles.detect("", head) == TraceFiles.Format.VERIFIER;
        } catch (InputException e) {
            return false;
        }
    }

    private static boolean hasPrompt(List<String> lines) {
        Pattern prompt = Pattern.compile("^\\s*((\\d+:\\s*)?l?kd(:\\w+)?|\\d+:\\d+(:\\w+)?)>.*", Pattern.CASE_INSENSITIVE);
        int n = Math.min(lines.size(), 5000);
        for (int i = 0; i < n; i++) {
            if (prompt.matcher(lines.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isC(List<String> lines) {
        int c = 0;
        int n = Math.min(lines.size(), 400);
        for (int i = 0; i < n; i++) {
            if (C_LINE.matcher(lines.get(i)).matches()) {
                c++;
            }
        }
        return c >= 2;
    }

    /**
     * Pooltag.txt's layout: most lines that are not blank or comments ({@code //}, {@code rem}) are
     * {@code TAG - binary - description}.
     */
    private static boolean isTagFile(List<String> lines) {
        int entries = 0;
        int other = 0;
        int n = Math.min(lines.size(), 400);
        for (int i = 0; i < n; i++) {
            String l = lines.get(i);
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("//") || s.toLowerCase(Locale.ROOT).startsWith("rem")) {
                continue;
            }
            if (TAG_LINE.matcher(l).matches()) {
                entries++;
            } else {
                other++;
            }
        }
        return entries > 0 && entries >= other * 2;
    }
}
