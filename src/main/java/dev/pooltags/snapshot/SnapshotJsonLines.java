package dev.pooltags.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.source.InputException;
import dev.pooltags.source.Reasons;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.PoolType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * pooltags' JSON snapshot format: one snapshot per line (JSON Lines), so a series is appended to line by line
 * and read back streaming.
 *
 * <pre>{"time":"2026-11-26T12:00:00Z","host":"HOST","source":"demo:leak-slow",
 *  "totals":{"pool.nonpaged":123456},
 *  "rows":[{"tag":"MyBf","type":"Nonp","allocs":10,"frees":2,"bytes":1024},
 *          {"name":"kmalloc-64","type":"Nonp","allocs":5,"frees":0,"bytes":320}]}</pre>
 *
 * {@code tag} is the memory-order text with {@code \xHH} escapes (and {@code " (Protected)"}), as
 * {@link PoolTag#toString()} writes it; {@code type} is {@code Paged} or {@code Nonp}. A snapshot taken with its
 * big-pool table ({@code snapshot --big-pool}) also has
 * {@code "bigPool":[{"address":"0xFFFFA00012340000","type":"Nonp","bytes":12288,"tag":"CM31"}]}.
 */
public final class SnapshotJsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private SnapshotJsonLines() {}

    /** Writes one snapshot as one line (ending in LF). */
    public static void write(Writer out, Snapshot s) throws IOException {
        write(out, s, null);
    }

    /**
     * Writes one snapshot as one line; with {@code owner} (a tag's binary and description, or null when unknown) each
     * tag row carries {@code "owner":{"binary":...,"description":...}}, which reading ignores.
     */
    public static void write(Writer out, Snapshot s, java.util.function.Function<PoolTag, String[]> owner) throws IOException {
        StringWriter sw = new StringWriter(64 + s.rows().size() * 64);
        try (JsonGenerator g = FACTORY.createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("time", s.time().toString());
            g.writeStringField("host", s.host());
            g.writeStringField("source", s.source());
            g.writeObjectFieldStart("totals");
            for (Map.Entry<String, Long> e : s.totals().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (TagCounters r : s.rows()) {
                g.writeStartObject();
                if (r.tag() != null) {
                    g.writeStringField("tag", r.tag().toString());
                } else {
                    g.writeStringField("name", r.name());
                }
                g.writeStringField("type", r.type().poolmonName());
                g.writeNumberField("allocs", r.allocs());
                g.writeNumberField("frees", r.frees());
                g.writeNumberField("bytes", r.bytes());
                String[] o = owner == null || r.tag() == null ? null : owner.apply(r.tag());
                if (o != null) {
                    g.writeObjectFieldStart("owner");
                    g.writeStringField("binary", o[0] == null ? "" : o[0]);
                    g.writeStringField("description", o[1] == null ? "" : o[1]);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!s.bigPool().isEmpty()) {
                g.writeArrayFieldStart("bigPool");
                for (BigPoolAllocation a : s.bigPool()) {
                    g.writeStartObject();
                    g.writeStringField("address", a.addressText());
                    g.writeStringField("type", a.type().poolmonName());
                    g.writeNumberField("bytes", a.bytes());
                    g.writeStringField("tag", a.tag().toString());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        out.write(sw.toString());
        out.write('\n');
    }

    /** Reads every snapshot of a JSON Lines text; {@code name} is the file named in errors. */
    public static List<Snapshot> read(String name, BufferedReader in) {
        List<Snapshot> out = new ArrayList<>();
        int lineNo = 0;
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(parseLine(name, lineNo, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Parses one line. */
    public static Snapshot parseLine(String name, int lineNo, String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonParseException e) {
            throw new InputException(name, lineNo, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(name, lineNo, "not valid JSON: " + Reasons.of(e));
        }
        if (n == null || !n.isObject()) {
            throw new InputException(name, lineNo, "expected one JSON object per line (a snapshot)");
        }
        Instant time;
        try {
            time = Instant.parse(text(n, "time", name, lineNo));
        } catch (DateTimeParseException e) {
            throw new InputException(name, lineNo, "\"time\" is not an ISO-8601 instant such as 2026-11-26T12:00:00Z");
        }
        String host = n.path("host").asText("");
        String source = n.path("source").asText("");
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("totals").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            totals.put(e.getKey(), e.getValue().asLong());
        }
        JsonNode rows = n.path("rows");
        if (!rows.isArray()) {
            throw new InputException(name, lineNo, "\"rows\" must be an array of {tag|name, type, allocs, frees, bytes}");
        }
        List<TagCounters> list = objects(rows, "row", name, lineNo, (r, where) -> {
            PoolType type = PoolType.parse(r.path("type").asText(""));
            long allocs = number(r, "allocs", name, lineNo, where);
            long frees = number(r, "frees", name, lineNo, where);
            long bytes = number(r, "bytes", name, lineNo, where);
            if (r.hasNonNull("tag")) {
                return TagCounters.of(PoolTag.ofMemoryText(r.get("tag").asText()), type, allocs, frees, bytes);
            } else if (r.hasNonNull("name")) {
                return TagCounters.named(r.get("name").asText(), type, allocs, frees, bytes);
            }
            throw new InputException(name, lineNo, where + "has neither \"tag\" nor \"name\"");
        });
        return new Snapshot(time, host, source, list, totals, bigPool(n.path("bigPool"), name, lineNo));
    }

    /**
     * The objects of a JSON array, each read by {@code read} with where it stands ({@code row 3: }) for its messages;
     * what {@code read} finds wrong in a value (a pool type, a tag, an address: an {@link IllegalArgumentException})
     * is said after that too.
     */
    private static <T> List<T> objects(JsonNode array, String what, String name, int lineNo,
            BiFunction<JsonNode, String, T> read) {
        List<T> out = new ArrayList<>(array.size());
        int i = 0;
        for (JsonNode element : array) {
            i++;
            String where = what + " " + i + ": ";
            try {
                out.add(read.apply(element, where));
            } catch (IllegalArgumentException e) {
                throw new InputException(name, lineNo, where + e.getMessage());
            }
        }
        return out;
    }

    private static List<BigPoolAllocation> bigPool(JsonNode arr, String name, int lineNo) {
        if (arr.isMissingNode()) {
            return List.of();
        }
        if (!arr.isArray()) {
            throw new InputException(name, lineNo, "\"bigPool\" must be an array of {address, type, bytes, tag}");
        }
        return objects(arr, "big-pool allocation", name, lineNo, (a, where) -> new BigPoolAllocation(
                address(a.path("address").asText("")), PoolType.parse(a.path("type").asText("")),
                number(a, "bytes", name, lineNo, where), PoolTag.ofMemoryText(a.path("tag").asText(""))));
    }

    /** {@code 0x} and up to 16 hex digits, as {@link BigPoolAllocation#addressText()} writes it. */
    static long address(String text) {
        if (!text.startsWith("0x") || text.length() < 3 || text.length() > 18) {
            throw new IllegalArgumentException("address '" + text + "' is not 0x and up to 16 hex digits");
        }
        return Long.parseUnsignedLong(text.substring(2), 16);
    }

    private static String text(JsonNode n, String field, String name, int line) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new InputException(name, line, "missing \"" + field + "\"");
        }
        return v.asText();
    }

    private static long number(JsonNode r, String field, String name, int line, String where) {
        JsonNode v = r.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new InputException(name, line, where + "\"" + field + "\" must be a non-negative integer");
        }
        return v.asLong();
    }
}
