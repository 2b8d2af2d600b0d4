package dev.pooltags.sniff;

import dev.pooltags.source.InputException;
import dev.pooltags.source.InputFiles;
import dev.pooltags.source.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A command's inputs, each checked by the {@link Sniffer}: what the command reads ({@code accepted}), and what it calls
 * that in a message ({@code wanted}, "snapshots", "an allocation trace").
 *
 * <ul>
 *   <li>A file named on the command line must be of an accepted kind: otherwise one error names what it is and which
 *       command reads it ({@code trace.jsonl: is a pooltags allocation trace (JSON Lines events), not snapshots; read it
 *       with pooltags trace FILE}), exit 3. Text of no known kind goes on to the reader, whose own error names the line.</li>
 *   <li>A folder gives its files of accepted kinds; every other file is skipped with one warning line saying what it is;
 *       a folder with none is an error that counts what it holds.</li>
 * </ul>
 *
 * @param accepted the kinds the command reads
 * @param wanted   what those are called in messages ("an allocation trace (xperf ...)")
 * @param noun     the same after "no" ("allocation trace", for a folder that holds none)
 * @param recursive whether a folder's subfolders are read too
 * @param byExtension extensions whose files in a folder are taken whatever their bytes (a damaged dump is still one)
 * @param textToReader whether a named file of unknown text goes on to the reader, whose error names the line (true for
 *                     the text formats); false when no text is ever the wanted kind (drivers, C/C++ sources)
 */
public record Inputs(Set<InputKind> accepted, String wanted, String noun, boolean recursive, Set<String> byExtension,
        boolean textToReader) {

    /** Every kind that holds per-tag snapshots (leaks, convert, replay:, lookup --tags-in). */
    public static final Set<InputKind> SNAPSHOTS = EnumSet.of(InputKind.RECORDING, InputKind.SNAPSHOT_JSONL, InputKind.SNAPSHOT_CSV,
            InputKind.POOLMONX_CSV, InputKind.POOLMON, InputKind.POOLUSED, InputKind.SLABINFO, InputKind.KERNEL_DUMP);

    /** The inputs of commands that read snapshots. */
    public static Inputs snapshots() {
        return new Inputs(SNAPSHOTS, "snapshots (a recording, PoolMon, PoolMonX, !poolused, slabinfo, pooltags JSON Lines or CSV, "
                + "or a kernel dump)", "snapshots", false, Set.of(), true);
    }

    /** The inputs of {@code trace}. */
    public static Inputs traces() {
        return new Inputs(EnumSet.of(InputKind.TRACE_JSONL, InputKind.XPERF_CSV, InputKind.VERIFIER), "an allocation trace "
                + "(xperf dumper CSV, !verifier 3 output or pooltags' trace JSON Lines)", "allocation trace", false, Set.of(), true);
    }

    /** The inputs of {@code debugger}. */
    public static Inputs debuggerLogs() {
        return new Inputs(EnumSet.of(InputKind.DEBUGGER_LOG, InputKind.POOLUSED, InputKind.VERIFIER), "a WinDbg/KD session log",
                "WinDbg/KD session log", false, Set.of(), true);
    }

    /** The inputs of {@code dump}. */
    public static Inputs dumps() {
        // recursive, and every .dmp file of a folder is taken whatever its bytes: a damaged dump is a row of the triage
        return new Inputs(EnumSet.of(InputKind.KERNEL_DUMP), "a Windows kernel crash dump", "kernel crash dump", true, Set.of("dmp"), true);
    }

    /** The tag files of {@code --tagfile}, {@code --localtag} and {@code lookup --check}. */
    public static Inputs tagFiles() {
        return new Inputs(EnumSet.of(InputKind.TAG_FILE), "a tag file (lines like 'Ntfx - ntfs.sys - description')", "tag file", false,
                Set.of(), true);
    }

    /** The sources of {@code lint}. */
    public static Inputs sources() {
        return new Inputs(EnumSet.of(InputKind.C_SOURCE), "C/C++ source", "C/C++ source", true, Set.of(), false);
    }

    /** The drivers of {@code scan} and {@code who}. */
    public static Inputs drivers() {
        return new Inputs(EnumSet.of(InputKind.PE_IMAGE), "a PE image (driver)", "PE image (driver)", true, Set.of(), false);
    }

    /**
     * Checks one file named on the command line: returns what it is when the command reads it (or it is text only its
     * reader can judge); otherwise throws the error that names what it is.
     */
    public Sniffer.Sniff check(Path file) {
        if (this.equals(tagFiles()) || this.equals(sources())) {
            // the size refusal comes first: a 2 GiB file is refused for its size, whatever its first bytes look like
            TextFiles.checkSize(file, this.equals(tagFiles()) ? TextFiles.TAG_FILE
                    : TextFiles.SOURCE);
        }
        Sniffer.Sniff s = Sniffer.sniff(file);
        if (s.kind() == InputKind.FOLDER || s.isAny(accepted) || textToReader && s.kind().unrecognized()) {
            return s;
        }
        throw new InputException(file, wrongKind(s));
    }

    /**
     * Reads a file named on the command line with its own reader, and sniffs it ({@link #check}) only when the reader
     * fails or is not {@code sure} of what it read. Sniffing tells a dozen formats apart by their reader's tests over the
     * file's head, which costs more than reading a small file: a named Pooltag.txt that reads as one is not sniffed. The
     * messages are those of {@link #check}: a file that fails to read is sniffed first, so a file of another kind is
     * named as what it is rather than by the reader's complaint.
     */
    public <T> T read(Path file, java.util.function.Function<Path, T> reader, java.util.function.Predicate<T> sure) {
        T read;
        try {
            read = reader.apply(file);
        } catch (RuntimeException e) {
            check(file);
            throw e;
        }
        if (!sure.test(read)) {
            check(file);
        }
        return read;
    }

    /** The message for a file of another kind: what it is, what was wanted, and which command reads it. */
    public String wrongKind(Sniffer.Sniff s) {
        if (s.kind() == InputKind.EMPTY) {
            return "is empty" + (s.detail().isEmpty() ? "" : " (" + s.detail() + ")") + ": expected " + wanted;
        }
        String reader = s.kind().readBy();
        return "is " + s.what() + ", not " + wanted + (reader == null ? "" : "; read it with " + reader);
    }

    /**
     * The files of the inputs: files named are checked ({@link #check}); folders give their files of accepted kinds (in
     * name order), and each other file there is one line to {@code warnings}.
     *
     * @throws InputException for a missing path, a named file of another kind, or a folder with nothing to read
     */
    public List<Path> expand(List<Path> inputs, Consumer<String> warnings) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            Sniffer.Sniff named = check(p);
            if (named.kind() != InputKind.FOLDER) {
                out.add(p);
                continue;
            }
            List<Path> files = new InputFiles(recursive, Comparator.comparing(Path::toString), f -> true, null).inFolder(p);
            Map<InputKind, Integer> skipped = new EnumMap<>(InputKind.class);
            int found = 0;
            for (Path f : files) {
                String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (n.lastIndexOf('.') > 0 && byExtension.contains(n.substring(n.lastIndexOf('.') + 1))) {
                    out.add(f);
                    found++;
                    continue;
                }
                Sniffer.Sniff s;
                try {
                    s = Sniffer.sniff(f);
                } catch (InputException e) {
                    warnings.accept(f + ": skipped, " + e.problem());
                    continue;
                }
                if (s.isAny(accepted)) {
                    out.add(f);
                    found++;
                } else {
                    skipped.merge(s.kind(), 1, Integer::sum);
                    String reader = s.kind().readBy();
                    warnings.accept(f + ": skipped, it is " + s.what() + (reader == null ? "" : " (read it with " + reader + ")"));
                }
            }
            if (found == 0) {
                String held = files.isEmpty() ? "it is empty" : "it holds " + skipped.entrySet().stream()
                        .map(e -> e.getKey().title() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
                throw new InputException(p, "no " + noun + " in the folder" + (recursive ? " or its subfolders" : "") + ": " + held);
            }
        }
        return out;
    }
}
