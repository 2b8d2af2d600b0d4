package dev.pooltags.debugger;

import dev.pooltags.poolblock.BlockKind;
import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.poolblock.SearchedRange;
import dev.pooltags.source.DebuggerNoise;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !poolfind} output, both layouts:
 * <ul>
 *   <li>old ({@code !poolfind SeSd 0}): {@code Scanning large pool allocation table for Tag: SeSd (827d1000 : 827e9000)},
 *       {@code Searching NonPaged pool (823b1000 : 82800000) for Tag: SeSd}, then block lines
 *       {@code 826fa130 size:   c0 previous size:   40  (Allocated) SeSd} ({@code (Protected)} on protected tags,
 *       {@code Pro.} for a free block whose protected bit is shown as an unprintable byte);</li>
 *   <li>current ({@code !poolfind amda -nonpaged}): {@code Scanning large pool allocation table for tag 0x61646d61 (amda) (START : END)},
 *       {@code Searching nonpaged pool (START : END) for tag 0x61646d61 (amda)}, then
 *       {@code ffffda000a9b6d30 : tag amda, size     0x140, Nonpaged pool}.</li>
 * </ul>
 * Hits listed under the big-pool-table heading are big-pool allocations ({@link BlockKind#LARGE}). {@code ...terminating -
 * searched pool to ADDRESS} ends a search early; a line of dots marks a listing the user shortened; anything else is a
 * problem with its line.
 */
final class PoolFindText {
    private static final Pattern BIG_TABLE = Pattern.compile(
            "^\\s*Scanning large pool allocation table for [Tt]ag:?\\s*(.*?)\\s*\\(([0-9a-fA-F`]+)\\s*:\\s*([0-9a-fA-F`]+)\\)\\s*$");
    private static final Pattern SEARCHING = Pattern.compile(
            "^\\s*Searching\\s+(.+?)\\s+\\(([0-9a-fA-F`]+)\\s*:\\s*([0-9a-fA-F`]+)\\)\\s+for [Tt]ag:?\\s*(.*?)\\s*$");
    private static final Pattern NEW_HIT = Pattern.compile(
            "^\\s*\\*?([0-9a-fA-F`]{8,17})\\s*:\\s*tag (.{4}),\\s*size\\s+(0x[0-9a-fA-F]+|\\d+),\\s*([^\\s].*?)?\\s*$");
    private static final Pattern TERMINATING = Pattern.compile("^\\s*\\.\\.\\.\\s*terminating - searched pool to ([0-9a-fA-F`]+)\\s*$");
    private static final Pattern DOTS = Pattern.compile("^\\s*\\.{2,}\\s*$");

    private PoolFindText() {}

    static PoolFindResult read(DebuggerCommand c, Consumer<LogProblem> problems) {
        String query = c.arguments();
        Optional<PoolTag> tag = queryTag(query);
        List<SearchedRange> searched = new ArrayList<>();
        List<PoolBlock> hits = new ArrayList<>();
        boolean cut = false;
        OptionalLong stopped = OptionalLong.empty();
        boolean inBigTable = false;
        PoolRegion region = PoolRegion.UNKNOWN;
        List<String> out = c.output();
        java.util.Map<String, PoolRegion> regions = new java.util.HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            Origin at = c.lineOrigin(i);
            int first = firstText(line);
            if (first < 0) {
                continue;
            }
            try {
                Matcher m;
                char f = line.charAt(first);
                if (f == '*' || Character.digit(f, 16) >= 0) {
                    // a hit: the lines that make up most of a long listing are tried first
                    PoolBlock b = hit(c, line, at, region, regions, inBigTable, problems);
                    if (b != null) {
                        hits.add(b);
                        continue;
                    }
                }
                if ((m = BIG_TABLE.matcher(line)).matches()) {
                    inBigTable = true;
                    searched.add(new SearchedRange(true, PoolRegion.UNKNOWN, BlockLine.hex(m.group(2)), BlockLine.hex(m.group(3)), at));
                    if (tag.isEmpty()) {
                        tag = queryTag(m.group(1));
                    }
                    continue;
                }
                if ((m = SEARCHING.matcher(line)).matches()) {
                    inBigTable = false;
                    region = PoolRegion.parse(m.group(1));
                    searched.add(new SearchedRange(false, region, BlockLine.hex(m.group(2)), BlockLine.hex(m.group(3)), at));
                    if (tag.isEmpty()) {
                        tag = queryTag(m.group(4));
                    }
                    continue;
                }
                if ((m = TERMINATING.matcher(line)).matches()) {
                    stopped = OptionalLong.of(BlockLine.hex(m.group(1)));
                    continue;
                }
                if (DOTS.matcher(line).matches()) {
                    cut = true;
                    continue;
                }
                if (DebuggerNoise.isNoise(line)) {
                    continue;
                }
                if (DebuggerNoise.isInterrupt(line)) {
                    cut = true;
                    continue;
                }
                if (line.strip().startsWith("...")) {
                    cut = true;
                    problems.accept(new LogProblem(at, c.label(), "elision", "a note in place of hits ('" + shorten(line.strip())
                            + "'): not the debugger's output; the listing is taken as cut short there"));
                    continue;
                }
            } catch (NumberFormatException e) {
                problems.accept(new LogProblem(at, c.label(), "bad-number", "a number does not fit 64 bits: '" + shorten(line.strip()) + "'"));
                continue;
            }
            problems.accept(new LogProblem(at, c.label(), "bad-line", "not a !poolfind line (a search heading, a hit, or "
                    + "'...terminating'): '" + shorten(line.strip()) + "'"));
        }
        return new PoolFindResult(query, tag, searched, hits, cut, stopped, c.origin());
    }

    /**
     * The block a hit line shows (in either debugger's layout), or null when the line is not a hit; text after the
     * tag of an older-layout hit is reported.
     */
    private static PoolBlock hit(DebuggerCommand c, String line, Origin at, PoolRegion region,
            java.util.Map<String, PoolRegion> regions, boolean inBigTable, Consumer<LogProblem> problems) {
        Matcher m;
        if (line.indexOf(" : tag ") > 0 && (m = NEW_HIT.matcher(line)).matches()) {
            PoolTag t = BlockLine.tag(m.group(2));
            String sz = m.group(3);
            long size = sz.startsWith("0x") ? BlockLine.size(sz) : Long.parseLong(sz);
            PoolRegion pool = m.group(4) == null ? region : regions.computeIfAbsent(m.group(4), PoolRegion::parse);
            boolean masked = m.group(2).indexOf('.') >= 0;
            return new PoolBlock(BlockLine.hex(m.group(1)), size, OptionalLong.empty(), t, masked, BlockState.UNKNOWN, pool,
                    inBigTable ? BlockKind.LARGE : BlockKind.SMALL, OptionalLong.empty(), OptionalLong.empty(), at);
        }
        BlockLine.Parsed p = BlockLine.read(line, false, region, at);
        if (p == null) {
            return null;
        }
        PoolBlock b = p.block();
        if (inBigTable) {
            b = new PoolBlock(b.address(), b.size(), OptionalLong.empty(), b.tag(), b.tagMasked(), b.state(), b.pool(),
                    BlockKind.LARGE, b.dataAddress(), b.process(), at);
        }
        if (!p.rest().isEmpty()) {
            problems.accept(new LogProblem(at, c.label(), "extra-text", "text after the block's tag was not read: '"
                    + shorten(p.rest()) + "'"));
        }
        return b;
    }

    /**
     * The tag of a query ({@code SeSd 0}, {@code -tag Proc -nonpaged}, {@code 0x61646d61 (amda)}, {@code Tag: SeSd}):
     * the first word that is not an option or a pool-type number, read as a tag; empty when it holds a wildcard.
     */
    static Optional<PoolTag> queryTag(String query) {
        String q = query.strip();
        int paren = q.indexOf('(');
        if (paren > 0 && q.endsWith(")")) {
            q = q.substring(paren + 1, q.length() - 1); // "0x61646d61 (amda)": the text in parentheses
        }
        for (String w : q.split("\\s+")) {
            if (w.isEmpty() || w.startsWith("-") || w.startsWith("/")) {
                continue;
            }
            if (w.indexOf('?') >= 0 || w.indexOf('*') >= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(PoolTag.parse(w));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The index of the line's first character that is not blank, -1 for a blank line. */
    static int firstText(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return i;
            }
        }
        return -1;
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
