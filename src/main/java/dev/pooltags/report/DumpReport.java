package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.dump.BugCheckReference;
import dev.pooltags.dump.CrashAnalysis;
import dev.pooltags.dump.CrashDump;
import dev.pooltags.dump.Driver;
import dev.pooltags.dump.DumpInspection;
import dev.pooltags.dump.MemoryRegion;
import dev.pooltags.dump.NextSteps;
import dev.pooltags.dump.PoolHeader;
import dev.pooltags.dump.PoolQueries;
import dev.pooltags.dump.PoolUsage;
import dev.pooltags.pe.Machine;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tagdb.TagDatabase;
import dev.pooltags.tagdb.TagEntry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One dump, for people (text) and scripts (JSON): the crash, the suspect, the drivers, the pool by tag, next steps. */
public final class DumpReport {
    private static final Map<Long, String> EXCEPTIONS = Map.of(
            0x80000002L, "STATUS_DATATYPE_MISALIGNMENT", 0x80000003L, "STATUS_BREAKPOINT", 0xC0000005L, "STATUS_ACCESS_VIOLATION");

    private DumpReport() {}

    /**
     * What to show.
     *
     * @param allDrivers every driver, not only the count
     * @param topTags    rows of the pool table (0: all)
     * @param blocks     every pool block as {@code !pool} lists them
     * @param owners     where the owner column comes from, or how to get one ({@code owners: pooltag.txt}), as the
     *                   {@code snapshot} and {@code top} headers say it
     */
    public record Options(boolean allDrivers, int topTags, boolean blocks, String owners) {}

    /** The owner text of a tag: the tag files' binary and description, and whether the dump lists that binary. */
    public static String owner(TagDatabase db, PoolTag tag, CrashDump d) {
        TagEntry e = db.owner(tag.unprotected());
        if (e == null) {
            return "-";
        }
        String bin = e.binary();
        String loaded = "";
        if (bin != null && !d.drivers().isEmpty() && bin.strip().toLowerCase(Locale.ROOT).matches(".*\\.(sys|dll|exe)")) {
            loaded = " (not in the dump's driver list)";
            for (Driver drv : d.drivers()) {
                if (drv.name().equalsIgnoreCase(bin.strip())) {
                    loaded = " (loaded)";
                    break;
                }
            }
        }
        return (bin == null ? "" : bin) + loaded + " - " + e.description();
    }

    public static void text(PrintWriter out, DumpInspection in, TagDatabase db, Options o) {
        CrashDump d = in.dump();
        CrashAnalysis.Result r = in.crash();
        out.printf("%s: %s, %d-bit %s, Windows build %d%s%s%n", d.file(), d.kind().label(), d.bits(), d.machine().label(), d.build(),
                d.majorVersion() == 0xC ? " (checked build)" : "", d.processors() > 0 ? ", " + d.processors() + " processors" : "");
        List<String> when = new ArrayList<>();
        if (d.systemTime() != null) {
            when.add("written " + d.systemTime().toString().replace("T", " "));
        }
        if (d.upTime() != null) {
            when.add("system up " + duration(d.upTime()));
        }
        if (!d.comment().isEmpty()) {
            when.add("comment '" + d.comment() + "'");
        }
        if (!when.isEmpty()) {
            out.println("  " + String.join(", ", when));
        }
        out.println();
        out.println("What wrote it: " + r.origin().text());
        out.println("  " + r.originEvidence());
        textBugCheck(out, r, d, db);
        textSuspect(out, r);
        out.println();
        if (!d.runs().isEmpty()) {
            runs(out, d);
            out.println();
        }
        drivers(out, d, o.allDrivers());
        out.println();
        pool(out, in, db, o);
        out.println();
        out.println("Next steps:");
        for (String s : NextSteps.of(r, topTags(in), noOwner(in, db))) {
            out.println("  " + s);
        }
        if (!d.notes().isEmpty() || !d.problems().isEmpty()) {
            out.println();
            for (String p : d.problems()) {
                out.println("Problem: " + p);
            }
            for (String n : d.notes()) {
                out.println("Note: " + n);
            }
        }
        out.flush();
    }

    private static void textSuspect(PrintWriter out, CrashAnalysis.Result r) {
        out.println();
        if (r.suspect() != null) {
            Driver s = r.suspect().driver();
            out.println("Suspect: " + s.name() + (s.unloaded() ? " (unloaded before the crash)" : ""));
            out.println("  evidence: " + r.suspect().evidence());
            out.printf("  image %s, 0x%X-0x%X%s%n", s.path(), s.base(), s.base() + s.size(),
                    s.timestamp() != 0 ? String.format(", timestamp 0x%08X", s.timestamp()) : "");
        } else if (r.origin() == CrashAnalysis.Origin.CRASH) {
            out.println("Suspect: none named: no parameter, exception address or stack value falls inside a driver the dump lists");
        } else {
            out.println("Suspect: none: " + r.origin().text());
        }
        if (!r.hits().isEmpty()) {
            out.println("  addresses inside drivers:");
            for (CrashAnalysis.AddressHit h : r.hits()) {
                out.printf("    %-26s 0x%X  %s%n", h.source(), h.value(), h.symbol());
            }
        }
        if (!r.stackDrivers().isEmpty()) {
            out.println("  stack values inside drivers (return addresses or data; distinct offsets):");
            int k = 0;
            for (Map.Entry<Driver, Integer> e : r.stackDrivers().entrySet()) {
                if (k++ == 8) {
                    out.printf("    ... %d more drivers%n", r.stackDrivers().size() - 8);
                    break;
                }
                List<Long> offs = r.stackOffsets().get(e.getKey());
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < offs.size() && i < 6; i++) {
                    sb.append(i == 0 ? "" : ", ").append(e.getKey().name()).append(String.format("+0x%x", offs.get(i)));
                }
                if (offs.size() > 6) {
                    sb.append(", ... ").append(offs.size() - 6).append(" more");
                }
                out.printf("    %-14s %3d  %s%n", e.getKey().name(), e.getValue(), sb);
            }
        }
    }

    private static void textBugCheck(PrintWriter out, CrashAnalysis.Result r, CrashDump d, TagDatabase db) {
        out.println();
        BugCheckReference.Explanation ex = r.explanation();
        out.printf("Bug check %s %s%n", r.codeText(), r.name());
        if (ex.known()) {
            if (ex.parametersFrom() != null) {
                out.printf("  Same meaning and parameters as 0x%X %s: %s%n", ex.parametersFrom().code(), ex.parametersFrom().name(),
                        ex.parametersFrom().summary());
            } else if (!ex.entry().summary().isEmpty()) {
                out.println("  " + ex.entry().summary());
            }
            if (ex.row() != null) {
                out.println("  Cause (parameter " + ex.row().selector() + "): " + ex.row().cause());
            }
            out.println("  " + (ex.parametersFrom() != null ? ex.parametersFrom() : ex.entry()).url());
        } else {
            out.println("  not in Microsoft's Bug Check Code Reference");
        }
        for (CrashAnalysis.Parameter p : r.parameters()) {
            StringBuilder sb = new StringBuilder(String.format("  %d  0x%0" + (d.bits() / 4) + "X  %s", p.index(), p.value(),
                    p.meaning().isEmpty() ? "(undocumented)" : p.meaning()));
            String status = EXCEPTIONS.get(p.value() & 0xFFFFFFFFL);
            if (status != null && p.meaning().toLowerCase(Locale.ROOT).contains("exception code")) {
                sb.append("  = ").append(status);
            }
            if (p.tag() != null) {
                sb.append("  = tag ").append(p.tag().memoryText()).append(" (").append(owner(db, p.tag(), d)).append(")");
            }
            if (p.hit() != null) {
                sb.append("  -> ").append(p.hit().symbol());
            }
            out.println(sb);
        }
    }

    static List<PoolTag> topTags(DumpInspection in) {
        List<PoolTag> t = new ArrayList<>();
        for (PoolUsage u : in.usage()) {
            if (!t.contains(u.tag())) {
                t.add(u.tag());
            }
        }
        return t;
    }

    static List<PoolTag> noOwner(DumpInspection in, TagDatabase db) {
        List<PoolTag> t = new ArrayList<>();
        for (PoolTag tag : topTags(in)) {
            if (db.owner(tag.unprotected()) == null) {
                t.add(tag);
            }
        }
        return t;
    }

    private static void runs(PrintWriter out, CrashDump d) {
        long pages = 0;
        for (CrashDump.PhysicalRun r : d.runs()) {
            pages += r.pageCount();
        }
        out.printf("Physical memory: %d run%s, %,d pages (%s); the file holds %s%n", d.runs().size(), d.runs().size() == 1 ? "" : "s", pages,
                bytes(pages * 4096), d.truncated() ? String.format("the first %,d bytes of page data", d.capturedBytes()) : "all of them");
        TextTable t = new TextTable("Run", "Physical start", "Physical end", ">Pages", "In file");
        long fileOffset = d.bits() == 64 ? 0x2000 : 0x1000;
        int i = 0;
        for (CrashDump.PhysicalRun r : d.runs()) {
            long len = r.pageCount() * 4096;
            long have = Math.max(0, Math.min(len, d.fileSize() - fileOffset));
            have -= have % 4096;
            t.row(i++, String.format("0x%X", r.basePage() * 4096), String.format("0x%X", (r.basePage() + r.pageCount()) * 4096), r.pageCount(),
                    have == len ? String.format("0x%X", fileOffset) : have == 0 ? "no (cut off)" : String.format("0x%X, %,d of %,d pages", fileOffset, have / 4096, r.pageCount()));
            fileOffset += len;
        }
        t.print(out, true);
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format("%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format("%.1f MiB", b / (double) (1L << 20));
        }
        return String.format("%,d bytes", b);
    }

    private static void drivers(PrintWriter out, CrashDump d, boolean all) {
        if (d.drivers().isEmpty() && d.unloaded().isEmpty()) {
            out.println("Drivers: the dump lists none" + (d.kind().physical()
                    ? (d.machine() == Machine.X64 ? " (the kernel's module list could not be walked: see the notes below)"
                            : " (complete and kernel dumps keep the list in kernel memory; pooltags walks it through the page tables of x64 dumps only)")
                    : ""));
            return;
        }
        out.printf("Drivers: %d loaded, %d unloaded before the crash%s%n", d.drivers().size(), d.unloaded().size(),
                all ? "" : " (--list-drivers lists them all)");
        if (all) {
            TextTable t = new TextTable("Driver", "Base", "End", "Timestamp", "Path");
            for (Driver drv : d.drivers()) {
                t.row(drv.name(), String.format("0x%X", drv.base()), String.format("0x%X", drv.base() + drv.size()),
                        drv.timestamp() != 0 ? String.format("0x%08X", drv.timestamp()) : "", drv.path());
            }
            for (Driver drv : d.unloaded()) {
                t.row(drv.name(), String.format("0x%X", drv.base()), String.format("0x%X", drv.base() + drv.size()), "", "(unloaded)");
            }
            t.print(out, true);
        }
    }

    private static void pool(PrintWriter out, DumpInspection in, TagDatabase db, Options o) {
        CrashDump d = in.dump();
        long captured = d.capturedBytes();
        long dataRegions = d.regions().stream().filter(x -> x.kind() != MemoryRegion.Kind.STACK).count();
        out.printf("Memory: %,d bytes in %,d %s%s%n", captured, dataRegions,
                d.kind().physical() ? (dataRegions == 1 ? "range" : "ranges") + " of physical pages" : "captured blocks",
                d.kind().physical() ? "" : ": a small dump holds only what the crash captured, so these counts are a sample of the pool, not the pool");
        long allocated = in.usage().stream().mapToLong(PoolUsage::blocks).sum();
        out.printf("Pool: %,d blocks confirmed by their neighbours (%,d allocated), %,d tags; %,d more well-formed headers whose end was not captured are not counted%n",
                in.pool().confirmed(), allocated, in.usage().stream().map(PoolUsage::tag).distinct().count(), in.pool().unconfirmed());
        out.printf("  %s pool headers (%d bytes), %s%n", in.segmentHeap() ? "segment-heap" : "legacy", in.headerSize(),
                d.kind().physical() ? "physical addresses" : "virtual addresses");
        if (d.kind().physical()) {
            out.println("  big pool allocations (a page or more, no header) are not counted: the big pool table is reached by virtual address,"
                    + " and pooltags does not translate addresses through the dump's page tables yet");
        }
        if (in.usage().isEmpty()) {
            return;
        }
        out.println("  " + o.owners());
        TextTable t = new TextTable("Tag", "Type", ">Blocks", ">Bytes", "Owner");
        int n = 0;
        for (PoolUsage u : in.usage()) {
            if (o.topTags() > 0 && n++ >= o.topTags()) {
                break;
            }
            t.row(TextTable.tagCell(u.tag().memoryText()), u.type().poolmonName(), u.blocks(), u.bytes(), owner(db, u.tag(), d));
        }
        t.print(out, true);
        if (o.topTags() > 0 && in.usage().size() > o.topTags()) {
            out.printf("  ... %d more rows (--top 0 shows all)%n", in.usage().size() - o.topTags());
        }
        if (o.blocks()) {
            out.println();
            blocks(out, in.pool().blocks(), in.headerSize(), -1);
        }
    }

    /** Blocks as WinDbg's !pool lists them, the one holding {@code mark} (or none: -1) starred. */
    public static void blocks(PrintWriter out, List<PoolHeader> blocks, int headerSize, long mark) {
        int w = blocks.isEmpty() || !blocks.get(0).physical() && Long.compareUnsigned(blocks.get(0).address(), 0xFFFFFFFFL) > 0 ? 16 : 8;
        for (PoolHeader b : blocks) {
            boolean star = mark != -1 && Long.compareUnsigned(mark, b.address()) >= 0 && Long.compareUnsigned(mark - b.address(), b.size()) < 0;
            out.printf("%s%0" + w + "x size: %4x previous size: %4x  %-12s%s%s  %s%s%n", star ? "*" : " ", b.address(), b.size(), b.previousSize(),
                    b.allocated() ? "(Allocated)" : "(Free)", star ? "*" : " ", b.tag().memoryText(), b.tag().isProtected() ? PoolTag.PROTECTED_SUFFIX : "",
                    b.confirmed() ? "" : "   (unconfirmed: " + b.link().text() + ")");
        }
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s >= 86400) {
            return String.format("%dd %02dh %02dm", s / 86400, s % 86400 / 3600, s % 3600 / 60);
        }
        return String.format("%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
    }

    public static void json(PrintWriter out, List<DumpInspection> ins, TagDatabase db) {
        json(out, ins, db, List.of(), null);
    }

    /** With the answers to {@code !poolfind} for each tag in {@code find} and {@code !pool} at {@code poolAt} (null: none). */
    public static void json(PrintWriter out, List<DumpInspection> ins, TagDatabase db, List<PoolTag> find, Long poolAt) {
        ArrayNode arr = Json.mapper().createArrayNode();
        for (DumpInspection in : ins) {
            ObjectNode n = node(in, db);
            if (!find.isEmpty()) {
                ArrayNode f = n.putArray("poolfind");
                for (PoolTag t : find) {
                    f.add(PoolBlockJson.find(PoolQueries.find(in, t)));
                }
            }
            if (poolAt != null) {
                n.set("pool", PoolBlockJson.page(PoolQueries.page(in, poolAt)));
            }
            arr.add(n);
        }
        ObjectNode root = Json.object();
        root.set("dumps", arr);
        Json.write(out, root);
    }

    static ObjectNode node(DumpInspection in, TagDatabase db) {
        CrashDump d = in.dump();
        CrashAnalysis.Result r = in.crash();
        ObjectNode n = Json.object();
        n.put("file", d.file());
        n.put("fileSize", d.fileSize());
        n.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        n.put("kindText", d.kind().label());
        n.put("dumpType", d.dumpType());
        n.put("bits", d.bits());
        n.put("machine", d.machine().label());
        n.put("build", d.build());
        n.put("processors", d.processors());
        n.put("systemTime", d.systemTime() == null ? null : d.systemTime().toString());
        n.put("upTimeSeconds", d.upTime() == null ? null : d.upTime().getSeconds());
        n.put("origin", r.origin().name().toLowerCase(Locale.ROOT));
        n.put("originEvidence", r.originEvidence());
        ObjectNode bc = n.putObject("bugCheck");
        bc.put("code", r.codeText());
        bc.put("name", r.name());
        bc.put("summary", r.explanation().known() ? r.explanation().entry().summary() : null);
        bc.put("reference", r.explanation().known() ? (r.explanation().parametersFrom() != null ? r.explanation().parametersFrom() : r.explanation().entry()).url() : null);
        bc.put("cause", r.explanation().row() == null ? null : r.explanation().row().cause());
        Json.<CrashAnalysis.Parameter>objects(bc, "parameters", r.parameters(), (pn, p) -> {
            pn.put("index", p.index());
            pn.put("value", String.format("0x%X", p.value()));
            pn.put("meaning", p.meaning());
            pn.put("tag", p.tag() == null ? null : p.tag().memoryText());
            pn.put("symbol", p.hit() == null ? null : p.hit().symbol());
        });
        if (r.suspect() != null) {
            ObjectNode s = n.putObject("suspect");
            s.put("driver", r.suspect().driver().name());
            s.put("evidence", r.suspect().evidence());
            s.put("strength", r.suspect().strength());
        } else {
            n.putNull("suspect");
        }
        Json.<CrashAnalysis.AddressHit>objects(n, "addressesInDrivers", r.hits(), (hn, h) -> {
            hn.put("source", h.source());
            hn.put("value", String.format("0x%X", h.value()));
            hn.put("symbol", h.symbol());
        });
        ArrayNode drv = n.putArray("drivers");
        for (Driver x : d.drivers()) {
            drv.addObject().put("name", x.name()).put("path", x.path()).put("base", String.format("0x%X", x.base()))
                    .put("size", x.size()).put("timestamp", String.format("0x%08X", x.timestamp()));
        }
        ArrayNode un = n.putArray("unloadedDrivers");
        for (Driver x : d.unloaded()) {
            un.addObject().put("name", x.name()).put("start", String.format("0x%X", x.base())).put("end", String.format("0x%X", x.base() + x.size()));
        }
        ObjectNode pool = n.putObject("pool");
        pool.put("sample", !d.kind().physical());
        pool.put("capturedBytes", d.capturedBytes());
        pool.put("headers", in.segmentHeap() ? "segment-heap" : "legacy");
        pool.put("confirmedBlocks", in.pool().confirmed());
        pool.put("unconfirmedHeaders", in.pool().unconfirmed());
        ArrayNode tags = pool.putArray("tags");
        for (PoolUsage u : in.usage()) {
            TagEntry e = db.owner(u.tag().unprotected());
            tags.addObject().put("tag", u.tag().memoryText()).put("type", u.type().poolmonName()).put("blocks", u.blocks())
                    .put("bytes", u.bytes()).put("owner", e == null ? null : e.binary()).put("description", e == null ? null : e.description());
        }
        ArrayNode next = n.putArray("nextSteps");
        NextSteps.of(r, topTags(in), noOwner(in, db)).forEach(next::add);
        ArrayNode probs = n.putArray("problems");
        d.problems().forEach(probs::add);
        ArrayNode notes = n.putArray("notes");
        d.notes().forEach(notes::add);
        return n;
    }
}
