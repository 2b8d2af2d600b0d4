package dev.pooltags.debugger;

import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.OwnerNote;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.source.DebuggerNoise;
import dev.pooltags.tag.PoolTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code !pool ADDRESS [FLAGS]} output: {@code Pool page 85246430 region is Nonpaged pool}, then the page's block lines
 * (see {@link BlockLine}) with the block holding the address marked {@code *}, the owner line under it
 * ({@code Pooltag Ntf0 : Vcb, Binary : ntfs.sys} or {@code Owning component : Unknown (update pooltag.txt)}), a big-pool
 * allocation ({@code *ADDRESS : large page allocation, tag is Proc, size is 0x1000 bytes}) or a special-pool page
 * ({@code size:  4f0 data: ADDRESS (NonPaged)}). With flag 1 the blocks' contents follow each block as address and
 * DWORD lines; they are skipped. The debugger's own remarks ({@code ... is not a valid large pool allocation, checking
 * large session pool...}, {@code Bad allocation size ...}) are kept as notes.
 */
final class PoolPageText {
    private static final Pattern PAGE = Pattern.compile("^\\s*Pool page \\[?([0-9a-fA-F`]+)\\]? region is (.*?)\\s*$");
    private static final Pattern POOLTAG_OWNER = Pattern.compile("^\\s*Pooltag (.{4}) : (.*?)\\s*$");
    private static final Pattern OWNING = Pattern.compile("^\\s*Owning component\\s*:\\s*(.*?)\\s*$");
    private static final Pattern CONTENTS = Pattern.compile("^\\s*[0-9a-fA-F`]{8,17}\\s+(?:[0-9a-fA-F`]{8,17}\\s*){1,4}$");
    private static final Pattern REMARK = Pattern.compile(
            "^\\s*(?:[0-9a-fA-F`]{8,17} is (?:not a valid|freed).*|Bad (?:previous )?allocation size.*|.*is __inVALID.*|"
                    + "unable to get .*|Unable to get .*|Page [0-9a-fA-F`]+ is .*)$");
    private static final Pattern DOTS = Pattern.compile("^\\s*\\.{2,}\\s*$");

    private PoolPageText() {}

    /** A page and the debugger's remarks on it. */
    record Read(PoolPage page, List<Note> notes) {}

    /** A remark the debugger printed with the listing. */
    record Note(Origin origin, String text) {}

    static Read read(DebuggerCommand c, Consumer<LogProblem> problems) {
        long queried = queriedAddress(c.arguments());
        PoolRegion region = PoolRegion.UNKNOWN;
        List<PoolBlock> blocks = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        int marked = -1;
        OwnerNote owner = null;
        boolean cut = false;
        for (DebuggerCommand.Line l : c.lines()) {
            String line = l.text();
            Origin at = l.at();
            if (DebuggerNoise.isInterrupt(line)) {
                cut = true;
                continue;
            }
            try {
                Matcher m;
                if ((m = PAGE.matcher(line)).matches()) {
                    region = PoolRegion.parse(m.group(2));
                    if (queried < 0) {
                        queried = BlockLine.hex(m.group(1));
                    }
                    continue;
                }
                if ((m = POOLTAG_OWNER.matcher(line)).matches() || (m = OWNING.matcher(line)).matches()) {
                    PoolTag ownerTag = marked >= 0 ? blocks.get(marked).tag().unprotected()
                            : m.groupCount() == 2 ? BlockLine.tag(m.group(1)) : null;
                    if (ownerTag == null) {
                        problems.accept(new LogProblem(at, c.label(), "orphan-owner", "an owner line with no marked block above it"));
                        continue;
                    }
                    owner = owner(ownerTag, m.groupCount() == 2 ? m.group(2) : m.group(1), at);
                    continue;
                }
                if (REMARK.matcher(line).matches()) {
                    notes.add(new Note(at, line.strip()));
                    continue;
                }
                if (DOTS.matcher(line).matches()) {
                    cut = true;
                    continue;
                }
                BlockLine.Parsed p = BlockLine.read(line, true, region, at);
                if (p != null) {
                    if (p.marked()) {
                        if (marked >= 0) {
                            problems.accept(new LogProblem(at, c.label(), "second-mark", "a second marked block; the first one ("
                                    + blocks.get(marked).origin().text() + ") is kept as the one asked about"));
                        } else {
                            marked = blocks.size();
                        }
                    }
                    blocks.add(p.block());
                    if (!p.rest().isEmpty()) {
                        problems.accept(new LogProblem(at, c.label(), "extra-text", "text after the block's tag was not read: '"
                                + PoolFindText.shorten(p.rest()) + "'"));
                    }
                    continue;
                }
                if (CONTENTS.matcher(line).matches()) {
                    continue; // !pool ADDRESS 1: the block's contents
                }
            } catch (NumberFormatException e) {
                problems.accept(new LogProblem(at, c.label(), "bad-number", "a number does not fit 64 bits: '"
                        + PoolFindText.shorten(line.strip()) + "'"));
                continue;
            }
            problems.accept(new LogProblem(at, c.label(), "bad-line", "not a !pool line (the page heading, a block, an owner line "
                    + "or block contents): '" + PoolFindText.shorten(line.strip()) + "'"));
        }
        if (blocks.isEmpty()) {
            return new Read(null, notes);
        }
        return new Read(page(c, queried, region, blocks, marked, owner, cut), notes);
    }

    /**
     * The page read: the address asked about (else the marked block's, else the first block's), blocks of no known
     * region placed in the page's region.
     */
    private static PoolPage page(DebuggerCommand c, long queried, PoolRegion region, List<PoolBlock> blocks, int marked,
            OwnerNote owner, boolean cut) {
        long address = queried >= 0 ? queried : marked >= 0 ? blocks.get(marked).address() : blocks.get(0).address();
        List<PoolBlock> inRegion = new ArrayList<>(blocks.size());
        for (PoolBlock b : blocks) {
            inRegion.add(b.pool() == PoolRegion.UNKNOWN && region != PoolRegion.UNKNOWN && region != PoolRegion.SPECIAL ? b.withPool(region) : b);
        }
        return new PoolPage(address, region, inRegion, marked, Optional.ofNullable(owner), cut, c.origin());
    }

    /** {@code Pooltag Ntf0 : Vcb, Binary : ntfs.sys} or the text after {@code Owning component :}. */
    static OwnerNote owner(PoolTag tag, String text, Origin at) {
        String t = text.strip();
        if (t.startsWith("Unknown") && t.contains("pooltag.txt")) {
            return new OwnerNote(tag, "", "", at);
        }
        int b = t.lastIndexOf("Binary :");
        if (b < 0) {
            b = t.lastIndexOf("Binary:");
        }
        if (b < 0) {
            return new OwnerNote(tag, t, "", at);
        }
        String desc = t.substring(0, b).strip();
        if (desc.endsWith(",")) {
            desc = desc.substring(0, desc.length() - 1).strip();
        }
        String bin = t.substring(b + (t.startsWith("Binary :", b) ? 8 : 7)).strip();
        int comma = bin.indexOf(',');
        if (comma >= 0) {
            bin = bin.substring(0, comma).strip();
        }
        return new OwnerNote(tag, desc, bin, at);
    }

    /** The address argument of {@code !pool ADDRESS [FLAGS]}, -1 when it is not a number (a register, an expression). */
    static long queriedAddress(String args) {
        String a = args.strip();
        int sp = a.indexOf(' ');
        String first = sp < 0 ? a : a.substring(0, sp);
        try {
            return first.isEmpty() ? -1 : BlockLine.hex(first);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
