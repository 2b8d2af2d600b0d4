package dev.pooltags.debugger;

import dev.pooltags.poolblock.BlockKind;
import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.tag.PoolTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block line {@code !pool} and the old {@code !poolfind} print:
 * {@code *85246428 size:  200 previous size:   b8  (Allocated) *Hack}, with sizes in hex bytes, {@code (Free)} padded to
 * the width of {@code (Allocated)}, in {@code !pool} a marker column ({@code *} on the block holding the address), the
 * tag's four characters (unprintable bytes shown as {@code .}), then {@code (Protected)} and {@code Process: ADDRESS}.
 * Copies in blogs and threads collapse the padding into spaces or TABs; the tag is then read from the first non-blank
 * character. Special-pool pages print {@code size:  4f0 data: ADDRESS (NonPaged) *Scbf} instead.
 */
final class BlockLine {
    private static final Pattern SMALL = Pattern.compile(
            "^(\\s*)(\\*?)\\s*([0-9a-fA-F`]{8,17})\\s+size:\\s*([0-9a-fA-F]+)\\s+previous size:\\s*([0-9a-fA-F]+)\\s+\\((Allocated|Free)\\)(.*)$");
    private static final Pattern SPECIAL = Pattern.compile(
            "^(\\s*)(\\*?)\\s*([0-9a-fA-F`]{8,17})\\s+size:\\s*([0-9a-fA-F]+)\\s+data:\\s*([0-9a-fA-F`]{8,17})\\s+\\((NonPaged|Paged)\\)(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LARGE = Pattern.compile(
            "^\\s*(\\*?)([0-9a-fA-F`]{8,17})\\s*:\\s*large page allocation,\\s*[Tt]ag is (.{4}), size is (0x[0-9a-fA-F]+|\\d+) bytes\\s*(.*)$");
    private static final Pattern PROCESS = Pattern.compile("^Process:\\s*([0-9a-fA-F`]{8,17})\\s*(.*)$");

    private BlockLine() {}

    /** A parsed line: the block, whether it was marked, and any text after it that was not understood. */
    record Parsed(PoolBlock block, boolean marked, String rest) {}

    /** True when the line looks like any of the block lines (so a failure to read it is worth a problem). */
    static boolean looksLike(String line) {
        return line.contains("size:") || line.contains("large page allocation");
    }

    /**
     * Reads the line. {@code markerColumn} is true for {@code !pool} (a {@code *} or space before the tag), false for
     * {@code !poolfind}. Null when the line is not a block line.
     */
    static Parsed read(String line, boolean markerColumn, PoolRegion region, Origin origin) {
        Matcher m = SMALL.matcher(line);
        if (m.matches()) {
            long address = hex(m.group(3));
            long size = size(m.group(4));
            long prev = size(m.group(5));
            BlockState state = m.group(6).equals("Free") ? BlockState.FREE : BlockState.ALLOCATED;
            Tail t = tail(line, m.start(6) - 1, m.group(7), markerColumn);
            if (t == null) {
                return null;
            }
            PoolBlock b = PoolBlock.small(address, size, prev, t.tag, t.masked, state, region, origin);
            if (t.process >= 0) {
                b = b.withProcess(t.process);
            }
            return new Parsed(b, !m.group(2).isEmpty() || t.starred, t.rest);
        }
        m = SPECIAL.matcher(line);
        if (m.matches()) {
            Tail t = tail(line, -1, m.group(7), false);
            if (t == null) {
                return null;
            }
            PoolRegion pool = m.group(6).equalsIgnoreCase("Paged") ? PoolRegion.PAGED : PoolRegion.NONPAGED;
            PoolBlock b = new PoolBlock(hex(m.group(3)), size(m.group(4)), java.util.OptionalLong.empty(), t.tag, t.masked,
                    BlockState.ALLOCATED, pool, BlockKind.SPECIAL, java.util.OptionalLong.of(hex(m.group(5))),
                    java.util.OptionalLong.empty(), origin);
            return new Parsed(b, !m.group(2).isEmpty() || t.starred, t.rest);
        }
        m = LARGE.matcher(line);
        if (m.matches()) {
            String tagText = m.group(3);
            PoolTag tag = tag(tagText);
            if (tag == null) {
                return null;
            }
            String sz = m.group(4);
            long size = sz.startsWith("0x") ? size(sz) : Long.parseLong(sz);
            PoolBlock b = PoolBlock.large(hex(m.group(2)), size, tag, tagText.indexOf('.') >= 0, BlockState.ALLOCATED, region, origin);
            return new Parsed(b, !m.group(1).isEmpty(), m.group(5).strip());
        }
        return null;
    }

    private record Tail(PoolTag tag, boolean masked, boolean starred, long process, String rest) {}

    /**
     * The tag and what follows it. {@code stateEnd} is the index of the state's closing parenthesis (-1 when the
     * fixed-column reading does not apply); {@code after} is the text after it.
     */
    private static Tail tail(String line, int openParen, String after, boolean markerColumn) {
        String tagText = null;
        boolean starred = false;
        String rest;
        if (openParen >= 0) {
            // WinDbg's own layout: the state padded to 11 characters, a space, [a marker], then 4 tag characters.
            int tagAt = openParen + 12 + (markerColumn ? 1 : 0);
            int close = line.indexOf(')', openParen);
            if (line.length() >= tagAt + 1 && line.substring(close + 1, tagAt - (markerColumn ? 1 : 0)).isBlank()
                    && line.charAt(tagAt - 1) != '\t') {
                char marker = markerColumn ? line.charAt(tagAt - 1) : ' ';
                if (marker == ' ' || marker == '*') {
                    String t = line.substring(tagAt, Math.min(line.length(), tagAt + 4));
                    if (!t.isBlank() && t.indexOf('\t') < 0) {
                        tagText = t;
                        starred = marker == '*';
                    }
                }
            }
            rest = tagText == null ? null : line.substring(Math.min(line.length(), tagAt + 4));
        } else {
            rest = null;
        }
        if (tagText == null) {
            // a copy with collapsed padding: the tag starts at the first non-blank character
            String s = after.strip();
            if (s.startsWith("*")) {
                starred = true;
                s = s.substring(1);
            }
            if (s.isEmpty()) {
                return null;
            }
            int end = Math.min(4, s.length());
            int paren = s.indexOf(" (");
            if (paren >= 0 && paren < end) {
                end = paren;
            }
            int tab = s.indexOf('\t');
            if (tab >= 0 && tab < end) {
                end = tab;
            }
            tagText = s.substring(0, end);
            rest = s.substring(end);
        }
        PoolTag tag = tag(padRight(tagText));
        if (tag == null) {
            return null;
        }
        rest = rest.strip();
        boolean prot = false;
        if (rest.startsWith("(Protected)")) {
            prot = true;
            rest = rest.substring("(Protected)".length()).strip();
        }
        long process = -1;
        Matcher p = PROCESS.matcher(rest);
        if (p.matches()) {
            process = hex(p.group(1));
            rest = p.group(2).strip();
        }
        if (prot) {
            tag = PoolTag.ofValue(tag.value() | PoolTag.PROTECTED_BIT);
        }
        return new Tail(tag, tagText.indexOf('.') >= 0, starred, process, rest);
    }

    private static String padRight(String s) {
        return s.length() >= 4 ? s : s + "    ".substring(s.length());
    }

    /** The tag for 1 to 4 characters as the debugger printed them (bytes it could not print shown as '.'). */
    static PoolTag tag(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return null;
            }
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) (i < text.length() ? text.charAt(i) : ' ');
        }
        return PoolTag.ofBytes(b[0], b[1], b[2], b[3]);
    }

    /** A size in hex (or decimal without {@code 0x} when {@code decimal}); sizes past 2^63 are not sizes. */
    static long size(String s) {
        long v = hex(s);
        if (v < 0) {
            throw new NumberFormatException("a size past 2^63: " + s);
        }
        return v;
    }

    /** An address or size as the debugger prints it: hex, optionally with {@code 0x} and the {@code `} separator. */
    static long hex(String s) {
        String t = s.indexOf('`') >= 0 ? s.replace("`", "") : s;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        return Long.parseUnsignedLong(t, 16);
    }
}
