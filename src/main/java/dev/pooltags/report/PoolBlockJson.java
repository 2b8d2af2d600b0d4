package dev.pooltags.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pooltags.poolblock.BlockSummary;
import dev.pooltags.poolblock.OwnerNote;
import dev.pooltags.poolblock.Origin;
import dev.pooltags.poolblock.PoolBlock;
import dev.pooltags.poolblock.PoolFindResult;
import dev.pooltags.poolblock.PoolPage;
import dev.pooltags.poolblock.SearchedRange;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pool blocks as JSON, one stable layout for every report that shows them. Addresses are strings {@code "0x..."}
 * (64-bit values do not fit a JSON number exactly); sizes are numbers of bytes; every object carries its
 * {@code origin}: {@code {"file": ..., "line": N}} for a log line or {@code {"file": ..., "offset": N}} for a dump.
 *
 * <pre>
 * block:  {address, size, previousSize?, tag, tagValue, protected, tagMasked, state, pool, kind, dataAddress?, process?, origin}
 * page:   {queried, page, region, blocks: [block], marked: index|null, owner?: {tag, description, binary, known, origin}, cut, origin}
 * find:   {query, tag?, searched: [{bigPoolTable, region, start, end, origin}], hits: [block], cut, stoppedAt?, complete,
 *          summary: {blocks, allocated, free, allocatedBytes, sizes: [{size, count}], pages: [{page, blocks}], regions}, origin}
 * </pre>
 * {@code state} is {@code allocated}, {@code free} or {@code unknown}; {@code pool} and {@code region} are
 * {@code nonpaged}, {@code paged}, {@code session-nonpaged}, {@code session-paged}, {@code special} or {@code unknown};
 * {@code kind} is {@code small}, {@code large} or {@code special}.
 */
public final class PoolBlockJson {
    private PoolBlockJson() {}

    /** {@code "0xfffffa8000c77000"}. */
    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** The lower-case, dash-separated name of an enum constant ({@code SESSION_PAGED} is {@code session-paged}). */
    public static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ObjectNode origin(Origin o) {
        ObjectNode n = Json.object();
        n.put("file", o.file());
        if (o instanceof Origin.Line l) {
            n.put("line", l.line());
        } else if (o instanceof Origin.Offset f) {
            n.put("offset", f.offset());
        }
        return n;
    }

    public static ObjectNode block(PoolBlock b) {
        ObjectNode n = Json.object();
        n.put("address", hex(b.address()));
        n.put("size", b.size());
        b.previousSize().ifPresent(p -> n.put("previousSize", p));
        n.put("tag", b.tag().memoryText());
        n.put("tagValue", b.tag().hexText());
        n.put("protected", b.isProtected());
        n.put("tagMasked", b.tagMasked());
        n.put("state", name(b.state()));
        n.put("pool", name(b.pool()));
        n.put("kind", name(b.kind()));
        b.dataAddress().ifPresent(d -> n.put("dataAddress", hex(d)));
        b.process().ifPresent(p -> n.put("process", hex(p)));
        n.set("origin", origin(b.origin()));
        return n;
    }

    public static ArrayNode blocks(List<PoolBlock> blocks) {
        ArrayNode a = Json.mapper().createArrayNode();
        blocks.forEach(b -> a.add(block(b)));
        return a;
    }

    public static ObjectNode owner(OwnerNote o) {
        ObjectNode n = Json.object();
        n.put("tag", o.tag().memoryText());
        n.put("description", o.description());
        n.put("binary", o.binary());
        n.put("known", o.known());
        n.set("origin", origin(o.origin()));
        return n;
    }

    public static ObjectNode page(PoolPage p) {
        ObjectNode n = Json.object();
        n.put("queried", hex(p.queried()));
        n.put("page", hex(p.page()));
        n.put("region", name(p.region()));
        n.set("blocks", blocks(p.blocks()));
        if (p.marked() >= 0) {
            n.put("marked", p.marked());
        } else {
            n.putNull("marked");
        }
        p.owner().ifPresent(o -> n.set("owner", owner(o)));
        n.put("cut", p.cut());
        n.set("origin", origin(p.origin()));
        return n;
    }

    public static ObjectNode range(SearchedRange r) {
        ObjectNode n = Json.object();
        n.put("bigPoolTable", r.bigPoolTable());
        n.put("region", name(r.region()));
        n.put("start", hex(r.start()));
        n.put("end", hex(r.end()));
        n.set("origin", origin(r.origin()));
        return n;
    }

    public static ObjectNode summary(BlockSummary s) {
        ObjectNode n = Json.object();
        n.put("blocks", s.blocks());
        n.put("allocated", s.allocated());
        n.put("free", s.free());
        n.put("allocatedBytes", s.allocatedBytes());
        ArrayNode sizes = n.putArray("sizes");
        s.sizes().forEach((size, count) -> sizes.addObject().put("size", size).put("count", count));
        ArrayNode pages = n.putArray("pages");
        for (Map.Entry<Long, List<PoolBlock>> e : s.pages().entrySet()) {
            ObjectNode p = pages.addObject();
            p.put("page", hex(e.getKey()));
            ArrayNode addrs = p.putArray("blocks");
            e.getValue().forEach(b -> addrs.add(hex(b.address())));
        }
        ObjectNode regions = n.putObject("regions");
        s.regions().forEach((k, v) -> regions.put(name(k), v));
        return n;
    }

    public static ObjectNode find(PoolFindResult f) {
        ObjectNode n = Json.object();
        n.put("query", f.query());
        f.tag().ifPresent(t -> n.put("tag", t.memoryText()));
        ArrayNode searched = n.putArray("searched");
        f.searched().forEach(r -> searched.add(range(r)));
        n.set("hits", blocks(f.hits()));
        n.put("cut", f.cut());
        f.stoppedAt().ifPresent(a -> n.put("stoppedAt", hex(a)));
        n.put("complete", f.complete());
        n.set("summary", summary(BlockSummary.of(f.hits())));
        n.set("origin", origin(f.origin()));
        return n;
    }
}
