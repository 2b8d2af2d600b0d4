package dev.pooltags.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.pool.AllocRoutine;
import dev.pooltags.pool.FreeRoutine;
import dev.pooltags.pool.PoolEvent;
import dev.pooltags.pool.PoolFlags;
import dev.pooltags.pool.SpecialAlignment;
import dev.pooltags.pool.VerifierOption;
import dev.pooltags.pool.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * pooltags' own allocation-event format: JSON Lines, one event per line, after an optional header line.
 *
 * <pre>{"format":"pooltags-trace","version":1,"source":"demo:leak-slow","seed":1,"start":"2026-01-01T00:00:00Z","complete":true}
 *{"t":0,"ev":"verify","drv":"vdisk.sys","options":["pool-tracking"]}
 *{"t":1500,"ev":"alloc","fn":"ExAllocatePoolWithTag","pool":"NonPagedPoolNx","tag":"NfRx","size":812,"addr":"0xFFFFA08000001010","drv":"netfilt.sys","caller":"netfilt.sys+0x1a2c"}
 *{"t":1700,"ev":"free","fn":"ExFreePoolWithTag","tag":"NfRx","addr":"0xFFFFA08000001010","drv":"netfilt.sys"}
 *{"t":9000,"ev":"unload","drv":"vdisk.sys"}
 *{"t":9100,"ev":"access","addr":"0xFFFFF98000000F90","off":100,"len":1,"write":true,"drv":"spdrv.sys"}
 *{"t":0,"ev":"special-pool-tag","pattern":"Sp*"}</pre>
 *
 * {@code t} is microseconds since the trace began; {@code fn} names the routine (absent: not recorded); an
 * ExAllocatePool2/3 event has {@code flags} (POOL_FLAGS) instead of {@code pool}; {@code tag} is memory-order text
 * as PoolMon prints it, with {@code \xHH} escapes and a {@code " (Protected)"} suffix; {@code align} ({@code end} or
 * {@code start}) is a special-pool alignment chosen by the call. The header's {@code complete: true} says the trace
 * starts from an empty pool. Unknown fields are ignored.
 */
public final class TraceJsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private TraceJsonLines() {}

    /** Writes events one per line. */
    public static final class EventWriter implements AutoCloseable {
        private final Writer out;
        private final JsonGenerator g;

        private EventWriter(Writer out) throws IOException {
            this.out = out;
            this.g = FACTORY.createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }

        /** Writes the header line (string, number and boolean values). */
        public void header(Map<String, Object> fields) {
            try {
                g.writeStartObject();
                g.writeStringField("format", "pooltags-trace");
                g.writeNumberField("version", 1);
                for (Map.Entry<String, Object> e : fields.entrySet()) {
                    Object v = e.getValue();
                    if (v instanceof Boolean b) {
                        g.writeBooleanField(e.getKey(), b);
                    } else if (v instanceof Number n) {
                        g.writeNumberField(e.getKey(), n.longValue());
                    } else {
                        g.writeStringField(e.getKey(), String.valueOf(v));
                    }
                }
                g.writeEndObject();
                endLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void write(PoolEvent e) {
            try {
                g.writeStartObject();
                g.writeNumberField("t", e.time());
                if (e instanceof PoolEvent.Alloc a) {
                    g.writeStringField("ev", "alloc");
                    if (a.routine() != AllocRoutine.UNKNOWN) {
                        g.writeStringField("fn", a.routine().routineName());
                    }
                    if (a.routine().takesPoolFlags()) {
                        g.writeStringField("flags", String.format("0x%X", a.poolFlags()));
                    } else if (a.poolType() != null) {
                        g.writeStringField("pool", a.poolType().windowsName());
                    }
                    if (a.tag() != null) {
                        g.writeStringField("tag", a.tag().toString());
                    }
                    g.writeNumberField("size", a.size());
                    g.writeStringField("addr", String.format("0x%X", a.address()));
                    driverAndCaller(a.driver(), a.caller());
                    if (a.alignment() != null) {
                        g.writeStringField("align", a.alignment().label());
                    }
                } else if (e instanceof PoolEvent.Free f) {
                    g.writeStringField("ev", "free");
                    if (f.routine() != FreeRoutine.UNKNOWN) {
                        g.writeStringField("fn", f.routine().routineName());
                    }
                    if (f.tag() != null) {
                        g.writeStringField("tag", f.tag().toString());
                    }
                    g.writeStringField("addr", String.format("0x%X", f.address()));
                    driverAndCaller(f.driver(), f.caller());
                } else if (e instanceof PoolEvent.Unload u) {
                    g.writeStringField("ev", "unload");
                    g.writeStringField("drv", u.driver());
                } else if (e instanceof PoolEvent.Access x) {
                    g.writeStringField("ev", "access");
                    g.writeStringField("addr", String.format("0x%X", x.address()));
                    g.writeNumberField("off", x.offset());
                    g.writeNumberField("len", x.length());
                    g.writeBooleanField("write", x.write());
                    driverAndCaller(x.driver(), x.caller());
                } else if (e instanceof PoolEvent.VerifyDriver v) {
                    g.writeStringField("ev", "verify");
                    g.writeStringField("drv", v.driver());
                    g.writeArrayFieldStart("options");
                    for (VerifierOption o : VerifierOption.values()) {
                        if (v.options().contains(o)) {
                            g.writeString(o.label());
                        }
                    }
                    g.writeEndArray();
                } else if (e instanceof PoolEvent.SpecialPoolTag s) {
                    g.writeStringField("ev", "special-pool-tag");
                    g.writeStringField("pattern", s.pattern().text());
                }
                g.writeEndObject();
                endLine();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        private void driverAndCaller(String driver, String caller) throws IOException {
            if (!driver.isEmpty()) {
                g.writeStringField("drv", driver);
            }
            if (!caller.isEmpty()) {
                g.writeStringField("caller", caller);
            }
        }

        private void endLine() throws IOException {
            g.flush();
            out.write('\n');
        }

        @Override
        public void close() {
            try {
                g.close();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A writer of events to {@code out} (which the caller closes). */
    public static EventWriter writer(Writer out) {
        try {
            return new EventWriter(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads events; bad lines become problems and are skipped. */
    public static final class Reader implements TraceReader {
        private final BufferedReader in;
        private final Consumer<TraceProblem> problems;
        private final Map<String, String> info = new LinkedHashMap<>();
        private long lineNo;
        private boolean complete;

        Reader(BufferedReader in, Consumer<TraceProblem> problems) {
            this.in = in;
            this.problems = problems;
        }

        @Override
        public PoolEvent next() {
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (line == null) {
                    return null;
                }
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    problems.accept(new TraceProblem(lineNo, "bad-line", "not valid JSON (" + e.getOriginalMessage() + "); line skipped"));
                    continue;
                }
                if (n == null || !n.isObject()) {
                    problems.accept(new TraceProblem(lineNo, "bad-line", "not a JSON object; line skipped"));
                    continue;
                }
                if (n.has("format")) {
                    header(n);
                    continue;
                }
                try {
                    return event(n);
                } catch (IllegalArgumentException e) {
                    problems.accept(new TraceProblem(lineNo, e instanceof UnknownEvent ? "unknown-event" : "bad-field",
                            e.getMessage() + "; line skipped"));
                }
            }
        }

        private void header(JsonNode n) {
            if (!"pooltags-trace".equals(n.path("format").asText())) {
                problems.accept(new TraceProblem(lineNo, "bad-line", "a header line for format '" + n.path("format").asText()
                        + "', not pooltags-trace; ignored"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("format") && e.getValue().isValueNode()) {
                    info.put(e.getKey(), e.getValue().asText());
                }
            }
            complete = n.path("complete").asBoolean(false);
        }

        private PoolEvent event(JsonNode n) {
            String ev = n.path("ev").asText("");
            long t = n.has("t") ? n.get("t").asLong(PoolEvent.NO_TIME) : PoolEvent.NO_TIME;
            String drv = n.path("drv").asText("");
            String caller = n.path("caller").asText("");
            switch (ev) {
                case "alloc" -> {
                    AllocRoutine r = AllocRoutine.UNKNOWN;
                    if (n.has("fn")) {
                        r = AllocRoutine.byName(n.get("fn").asText());
                        if (r == null) {
                            throw new IllegalArgumentException("unknown allocation routine '" + n.get("fn").asText() + "'");
                        }
                    }
                    WindowsPoolType type = n.has("pool") ? WindowsPoolType.parse(n.get("pool").asText()) : null;
                    long flags = n.has("flags") ? PoolFlags.parse(n.get("flags").asText()) : 0;
                    PoolTag tag = n.has("tag") ? tag(n.get("tag").asText()) : null;
                    SpecialAlignment align = n.has("align") ? SpecialAlignment.parse(n.get("align").asText()) : null;
                    return new PoolEvent.Alloc(t, r, type, flags, tag, required(n, "size"), address(n), drv, caller, align, lineNo);
                }
                case "free" -> {
                    FreeRoutine r = FreeRoutine.UNKNOWN;
                    if (n.has("fn")) {
                        r = FreeRoutine.byName(n.get("fn").asText());
                        if (r == null) {
                            throw new IllegalArgumentException("unknown free routine '" + n.get("fn").asText() + "'");
                        }
                    }
                    PoolTag tag = n.has("tag") ? tag(n.get("tag").asText()) : null;
                    return new PoolEvent.Free(t, r, tag, address(n), drv, caller, lineNo);
                }
                case "unload" -> {
                    if (drv.isEmpty()) {
                        throw new IllegalArgumentException("an unload without \"drv\"");
                    }
                    return new PoolEvent.Unload(t, drv, lineNo);
                }
                case "access" -> {
                    return new PoolEvent.Access(t, address(n), required(n, "off"), (int) required(n, "len"),
                            n.path("write").asBoolean(false), drv, caller, lineNo);
                }
                case "verify" -> {
                    Set<VerifierOption> opts = EnumSet.noneOf(VerifierOption.class);
                    for (JsonNode o : n.path("options")) {
                        opts.add(VerifierOption.parse(o.asText()));
                    }
                    if (drv.isEmpty()) {
                        throw new IllegalArgumentException("a verify event without \"drv\"");
                    }
                    return new PoolEvent.VerifyDriver(t, drv, opts, lineNo);
                }
                case "special-pool-tag" -> {
                    return new PoolEvent.SpecialPoolTag(t, TagPattern.parse(n.path("pattern").asText("")), lineNo);
                }
                default -> throw new UnknownEvent(ev.isEmpty() ? "a line without \"ev\"" : "unknown event '" + ev + "'");
            }
        }

        private static PoolTag tag(String text) {
            try {
                return PoolTag.ofMemoryText(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("tag '" + text + "': " + e.getMessage());
            }
        }

        private static long required(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.canConvertToLong()) {
                throw new IllegalArgumentException("\"" + field + "\" is missing or not an integer");
            }
            return v.asLong();
        }

        private static long address(JsonNode n) {
            String a = n.path("addr").asText("");
            try {
                long v = a.startsWith("0x") || a.startsWith("0X") ? Long.parseUnsignedLong(a.substring(2), 16) : Long.parseUnsignedLong(a);
                if (v == 0) {
                    throw new IllegalArgumentException("address 0");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"addr\" '" + a + "' is not an address");
            }
        }

        @Override
        public String format() {
            return "pooltags JSON lines";
        }

        @Override
        public Map<String, String> info() {
            return info;
        }

        @Override
        public Map<String, Long> skipped() {
            return Map.of();
        }

        @Override
        public boolean complete() {
            return complete;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An event name the format does not define. */
    private static final class UnknownEvent extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownEvent(String message) {
            super(message);
        }
    }

    /** A reader over JSON lines. */
    public static Reader reader(BufferedReader in, Consumer<TraceProblem> problems) {
        return new Reader(in, problems);
    }
}
