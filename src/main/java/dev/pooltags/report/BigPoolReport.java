package dev.pooltags.report;

import dev.pooltags.snapshot.BigPoolAllocation;
import dev.pooltags.snapshot.Snapshot;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * {@code snapshot --big-pool} as text: the big-pool table, one allocation a line (address, pool, size, tag, owner),
 * largest first, as System Informer's big-pool view lists it, under a line of totals.
 */
public final class BigPoolReport {
    private BigPoolReport() {}

    /**
     * @param shown the allocations to list (filtered, sorted, cut to --top)
     * @param total how many matched before the cut
     * @param owner a tag's owner text, or null without tag files
     */
    public static void text(PrintWriter out, Snapshot s, List<BigPoolAllocation> shown, int total, Function<PoolTag, String> owner) {
        long paged = 0;
        long nonPaged = 0;
        for (BigPoolAllocation a : s.bigPool()) {
            if (a.type() == PoolType.NONPAGED) {
                nonPaged += a.bytes();
            } else {
                paged += a.bytes();
            }
        }
        out.println("# " + s.source() + (s.host().isEmpty() ? "" : " on " + s.host()) + " at " + s.time() + ": big pool "
                + s.bigPool().size() + " allocations, " + nonPaged + " bytes nonpaged, " + paged + " bytes paged; "
                + shown.size() + " of " + total + " shown");
        TextTable t = owner == null ? new TextTable("Address", "Type", ">Bytes", "Tag")
                : new TextTable("Address", "Type", ">Bytes", "Tag", "Owner");
        for (BigPoolAllocation a : shown) {
            String tag = TextTable.tagCell(a.tag().toString());
            if (owner == null) {
                t.row(a.addressText(), a.type().poolmonName(), a.bytes(), tag);
            } else {
                String o = owner.apply(a.tag().unprotected());
                t.row(a.addressText(), a.type().poolmonName(), a.bytes(), tag, o == null ? "" : o);
            }
        }
        t.print(out, true);
        out.flush();
    }
}
