package dev.pooltags.report;

import dev.pooltags.poolblock.BlockKind;
import dev.pooltags.poolblock.BlockState;
import dev.pooltags.poolblock.BlockSummary;
import dev.pooltags.poolblock.OwnerNote;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.poolblock.PoolRegion;
import dev.pooltags.poolblock.SearchedRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pool blocks for people: a {@code !pool} page as a table with the marked block, a tag search as counts, a sizes
 * histogram and the blocks grouped by page. Addresses are printed as WinDbg prints them (lower-case hex, no
 * {@code 0x}, at least 8 digits) so they can be pasted back into the debugger; sizes as {@code 0x} hex.
 */
public final class PoolBlockText {
    /** Pages listed by {@link #find} before the rest are counted. */
    public static final int DEFAULT_PAGES = 12;
    /** Blocks listed per page line before the rest are counted. */
    private static final int BLOCKS_PER_PAGE_LINE = 6;

    private PoolBlockText() {}

    /** An address as WinDbg prints it: {@code fffffa8000c77000}, {@code 85246430}. */
    public static String address(long a) {
        return String.format(Locale.ROOT, "%08x", a);
    }

    /** A size in hex, {@code 0x140}. */
    public static String size(long s) {
        return "0x" + Long.toHexString(s);
    }

    /** The block's tag for a table cell: quoted when it has spaces, {@code (Protected)} when the bit is set. */
    public static String tag(PoolBlock b) {
        String t = TextTable.tagCell(b.tag().memoryText());
        return b.isProtected() ? t + " (Protected)" : t;
    }

    /** The block in one line: address, kind-dependent sizes, state, tag, and where it was read. */
    public static String line(PoolBlock b) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(address(b.address())).append("  size ").append(size(b.size()));
        b.previousSize().ifPresent(p -> sb.append("  previous ").append(size(p)));
        b.dataAddress().ifPresent(d -> sb.append("  data ").append(address(d)));
        switch (b.kind()) {
            case LARGE -> sb.append("  big pool");
            case SPECIAL -> sb.append("  special pool");
            case SMALL -> { }
        }
        if (b.state() != BlockState.UNKNOWN) {
            sb.append("  ").append(b.state().text());
        }
        sb.append("  ").append(tag(b));
        if (b.pool() != PoolRegion.UNKNOWN) {
            sb.append("  ").append(b.pool().text());
        }
        b.process().ifPresent(p -> sb.append("  process ").append(address(p)));
        sb.append("  (").append(b.origin().text()).append(')');
        return sb.toString();
    }

    /** A {@code !pool} page: a heading, the blocks with the marked one starred, the owner line. */
    public static void page(PrintWriter out, PoolPage p) {
        long allocated = p.blocks().stream().filter(b -> b.state() == BlockState.ALLOCATED).count();
        long free = p.blocks().stream().filter(b -> b.state() == BlockState.FREE).count();
        StringBuilder head = new StringBuilder("pool page ").append(address(p.page()));
        if (p.region() != PoolRegion.UNKNOWN) {
            head.append(" (").append(p.region().text()).append(')');
        }
        head.append(", asked about ").append(address(p.queried())).append(": ").append(p.blocks().size())
                .append(p.blocks().size() == 1 ? " block" : " blocks");
        if (p.blocks().size() > 1) {
            head.append(" (").append(allocated).append(" allocated, ").append(free).append(" free)");
        }
        if (p.cut()) {
            head.append(", listing cut short");
        }
        head.append("  (").append(p.origin().text()).append(')');
        out.println(head);
        TextTable t = new TextTable("", "Address", ">Size", ">Previous", "State", "Tag", "Note");
        for (int i = 0; i < p.blocks().size(); i++) {
            PoolBlock b = p.blocks().get(i);
            StringBuilder note = new StringBuilder();
            switch (b.kind()) {
                case LARGE -> note.append("big pool allocation");
                case SPECIAL -> note.append("special pool");
                case SMALL -> { }
            }
            b.dataAddress().ifPresent(d -> note.append(note.isEmpty() ? "" : ", ").append("data at ").append(address(d)));
            b.process().ifPresent(pr -> note.append(note.isEmpty() ? "" : ", ").append("quota charged to process ").append(address(pr)));
            t.row(i == p.marked() ? "*" : "", address(b.address()), size(b.size()),
                    b.previousSize().isPresent() ? size(b.previousSize().getAsLong()) : "-",
                    b.state() == BlockState.UNKNOWN ? (b.pool() != PoolRegion.UNKNOWN ? b.pool().text() : "-") : b.state().text(),
                    tag(b), note);
        }
        t.print(out, true);
        p.owner().ifPresent(o -> out.println("  the debugger's owner line: " + owner(o) + "  (" + o.origin().text() + ")"));
    }

    /** The debugger's owner line in words. */
    public static String owner(OwnerNote o) {
        if (!o.known()) {
            return "unknown (the debugger's pooltag.txt has no entry for " + TextTable.tagCell(o.tag().memoryText()) + ")";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(o.description().isEmpty() ? "-" : o.description());
        if (!o.binary().isEmpty()) {
            sb.append(", binary ").append(o.binary());
        }
        return sb.toString();
    }

    /**
     * A tag search: counts, the ranges searched, how it ended, the sizes histogram and the blocks by page (the first
     * {@code maxPages} pages, fullest first).
     */
    public static void find(PrintWriter out, PoolFindResult f, int maxPages) {
        BlockSummary s = BlockSummary.of(f.hits());
        StringBuilder head = new StringBuilder("!poolfind ").append(f.query()).append(": ")
                .append(n(s.blocks())).append(s.blocks() == 1 ? " block" : " blocks");
        if (s.allocated() + s.free() > 0) {
            head.append(" (").append(n(s.allocated())).append(" allocated, ").append(n(s.free())).append(" free)");
        }
        head.append(", ").append(n(s.allocatedBytes())).append(" bytes not free");
        head.append("  (").append(f.origin().text()).append(')');
        out.println(head);
        if (!s.regions().isEmpty()) {
            StringBuilder r = new StringBuilder("  by pool:");
            s.regions().forEach((k, v) -> r.append(' ').append(k.text()).append(' ').append(n(v)).append(','));
            r.setLength(r.length() - 1);
            out.println(r);
        }
        long large = f.hits().stream().filter(b -> b.kind() == BlockKind.LARGE).count();
        if (large > 0) {
            out.println("  listed from the big pool table: " + n(large));
        }
        for (SearchedRange r : f.searched()) {
            out.println("  searched " + (r.bigPoolTable() ? "the big pool table" : r.region().text()) + " " + address(r.start())
                    + " : " + address(r.end()) + "  (" + r.origin().text() + ")");
        }
        f.stoppedAt().ifPresent(a -> out.println("  the search stopped early at " + address(a) + ": more blocks may carry the tag"));
        if (f.cut()) {
            out.println("  the listing was cut short: more blocks were found than listed");
        }
        if (s.blocks() == 0) {
            return;
        }
        StringBuilder sizes = new StringBuilder("  sizes:");
        for (Map.Entry<Long, Integer> e : s.sizes().entrySet()) {
            sizes.append(' ').append(size(e.getKey())).append(" x").append(e.getValue()).append(',');
        }
        sizes.setLength(sizes.length() - 1);
        out.println(sizes);
        List<Map.Entry<Long, List<PoolBlock>>> pages = new java.util.ArrayList<>(s.pages().entrySet());
        pages.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size())); // stable: address order among equals
        out.println("  " + n(pages.size()) + (pages.size() == 1 ? " page:" : " pages:"));
        TextTable t = new TextTable("    Page", ">Blocks", "Blocks");
        for (int i = 0; i < pages.size() && i < maxPages; i++) {
            List<PoolBlock> bs = pages.get(i).getValue();
            StringBuilder cell = new StringBuilder();
            for (int k = 0; k < bs.size() && k < BLOCKS_PER_PAGE_LINE; k++) {
                PoolBlock b = bs.get(k);
                cell.append(k == 0 ? "" : ", ").append(address(b.address())).append(" (").append(size(b.size()));
                if (b.state() == BlockState.FREE) {
                    cell.append(" free");
                }
                cell.append(')');
            }
            if (bs.size() > BLOCKS_PER_PAGE_LINE) {
                cell.append(", ... ").append(bs.size() - BLOCKS_PER_PAGE_LINE).append(" more");
            }
            t.row("    " + address(pages.get(i).getKey()), bs.size(), cell);
        }
        t.print(out, true);
        if (pages.size() > maxPages) {
            out.println("    ... " + n(pages.size() - maxPages) + " more pages (all are in --format json)");
        }
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
