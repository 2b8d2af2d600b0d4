package dev.pooltags.source;

import java.util.regex.Pattern;

/**
 * Lines the debugger prints into any command's output that are not the command's answer: symbol loading and its
 * errors, cache statistics, log-file notices, banners. Readers skip them (they are counted, not reported), so a
 * {@code *** ERROR: Symbol file could not be found} between two rows does not break a table.
 */
public final class DebuggerNoise {
    private static final Pattern NOISE = Pattern.compile("^\\s*(?:"
            + "\\*\\*\\*? .*|\\*{5,}.*|"
            + "Loading (?:symbols|Kernel Symbols|User Symbols|unloaded module list|Dump File).*|"
            + "Symbol search path is:.*|Executable search path is:.*|Unable to (?:load image|enumerate|verify timestamp).*|"
            + "Max cache size is.*|Total memory in cache.*|Number of regions cached.*|\\d+ full reads broken into.*|"
            + "counts: \\d+ cached.*|bytes : \\d+ cached.*|"
            + "Opened log file .*|Closing open log file.*|Log file opened.*|"
            + "Browse full module list|Browse all global symbols.*|KDTARGET: .*|"
            + "WARNING: .*|DBGHELP: .*|SYMSRV: .*|\\*BUSY\\*.*"
            + ")\\s*$");
    private static final Pattern INTERRUPT = Pattern.compile("^\\s*(?:\\^C|\\^Break|User break.*|.*[Ii]nterrupted by user.*)\\s*$");

    private DebuggerNoise() {}

    /** True for a line the debugger prints around any command (symbols, cache, log notices). */
    public static boolean isNoise(String line) {
        return NOISE.matcher(line).matches();
    }

    /** True for the mark an interrupted command leaves ({@code ^C}, {@code User break}). */
    public static boolean isInterrupt(String line) {
        return INTERRUPT.matcher(line).matches();
    }
}
