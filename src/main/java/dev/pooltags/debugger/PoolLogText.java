package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.source.DebuggerNoise;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !verifier 0x80 [ADDRESS]}: the log of recent kernel pool allocations and frees that pool tracking keeps. Each
 * entry is {@code Pool block 982a8fe0, Size 00000020, Thread 9c158bc0} followed by its stack, one
 * {@code ADDRESS module!function+offset} frame a line (Windows 7 marks a line with {@code #}). The header lines
 * ({@code Log of recent kernel pool Allocate and Free operations:}, {@code There are up to 0x10000 entries in the log.},
 * {@code Parsing ... entries, searching for address ...}) are read as such.
 */
final class PoolLogText {
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s*#?\\s*Pool block ([0-9a-fA-F`]+), Size ([0-9a-fA-F]+), Thread ([0-9a-fA-F`]+)\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s*#?\\s*([0-9a-fA-F`]{8,17})\\s+(\\S.*?)\\s*$");
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*#?\\s*(Log of recent kernel pool Allocate and Free operations:|There are up to .* entries in the log\\.|"
                    + "Parsing .* entries, searching for address .*|Parsing .* entries\\.?|=+|-+|#)\\s*$");

    private PoolLogText() {}

    static List<PoolLogEntry> read(DebuggerCommand c, Consumer<LogProblem> problems) {
        List<PoolLogEntry> out = new ArrayList<>();
        long[] entry = null;
        Origin entryAt = null;
        List<String> frames = new ArrayList<>();
        for (DebuggerCommand.Line l : c.lines()) {
            String line = l.text();
            Origin at = l.at();
            if (DebuggerNoise.isInterrupt(line) || HEADER.matcher(line).matches()) {
                continue;
            }
            try {
                Matcher m = ENTRY.matcher(line);
                if (m.matches()) {
                    if (entry != null) {
                        out.add(entry(entry, frames, entryAt));
                    }
                    entry = new long[] {BlockLine.hex(m.group(1)), BlockLine.size(m.group(2)), BlockLine.hex(m.group(3))};
                    entryAt = at;
                    frames = new ArrayList<>();
                    continue;
                }
                m = FRAME.matcher(line);
                if (m.matches() && entry != null) {
                    frames.add(m.group(2));
                    continue;
                }
            } catch (NumberFormatException e) {
                problems.accept(new LogProblem(at, c.label(), "bad-number", "a number does not fit 64 bits: '" + PoolFindText.shorten(line.strip()) + "'"));
                continue;
            }
            problems.accept(new LogProblem(at, c.label(), "bad-line", "not a pool log line ('Pool block ..., Size ..., Thread ...' "
                    + "or a stack frame): '" + PoolFindText.shorten(line.strip()) + "'"));
        }
        if (entry != null) {
            out.add(entry(entry, frames, entryAt));
        }
        return out;
    }

    private static PoolLogEntry entry(long[] e, List<String> frames, Origin at) {
        return new PoolLogEntry(e[0], e[1], e[2], PoolLogEntry.operationOf(frames), frames, at);
    }
}
