package dev.pooltags.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.PoolFlags;
import dev.pooltags.event.RecordedRoutine;
import dev.pooltags.event.SpecialAlignment;
import dev.pooltags.event.VerifierOption;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagPattern;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

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
            g.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
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
                    routine(a.routine());
                    if (a.routine().takesPoolFlags()) {
                        g.writeStringField("flags", String.format("0x%X", a.poolFlags()));
                    } else if (a.poolType() != null) {
                        g.writeStringField("pool", a.poolType().windowsName());
                    }
                    tag(a.tag());
                    g.writeNumberField("size", a.size());
                    g.writeStringField("addr", hex(a.address()));
                    driverAndCaller(a.driver(), a.caller());
                    if (a.alignment() != null) {
                        g.writeStringField("align", a.alignment().label());
                    }
                } else if (e instanceof PoolEvent.Free f) {
                    g.writeStringField("ev", "free");
                    routine(f.routine());
                    tag(f.tag());
                    g.writeStringField("addr", hex(f.address()));
                    driverAndCaller(f.driver(), f.caller());
                } else if (e instanceof PoolEvent.Unload u) {
                    g.writeStringField("ev", "unload");
                    g.writeStringField("drv", u.driver());
                } else if (e instanceof PoolEvent.Access x) {
                    g.writeStringField("ev", "access");
                    g.writeStringField("addr", hex(x.address()));
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

        /** {@code fn}, unless the source did not record the routine. */
        private void routine(RecordedRoutine r) throws IOException {
            if (r.routine() != null) {
                g.writeStringField("fn", r.routineName());
            }
        }

        private void tag(PoolTag tag) throws IOException {
            if (tag != null) {
                g.writeStringField("tag", tag.toString());
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
            g.writeRaw('\n');
        }

        @Override
        public void close() {
            try {
                g.flush();
                g.close();
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
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
    public static final class Reader extends LineTraceReader {
        private boolean complete;

        Reader(BufferedReader in, Consumer<TraceProblem> problems) {
            super("pooltags JSON lines", in, problems);
        }

        @Override
        public PoolEvent next() {
            while (true) {
                String line = nextLine();
                if (line == null) {
                    return null;
                }
                if (line.isBlank()) {
                    continue;
                }
                Line l;
                try {
                    l = Line.parse(line);
                } catch (JsonProcessingException e) {
                    problems.accept(new TraceProblem(lineNo, "bad-line", "not valid JSON (" + e.getOriginalMessage() + "); line skipped"));
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (l == null) {
                    problems.accept(new TraceProblem(lineNo, "bad-line", "not a JSON object; line skipped"));
                    continue;
                }
                if (l.header) {
                    try {
                        header(MAPPER.readTree(line));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e); // parsed once already
                    }
                    continue;
                }
                try {
                    return event(l);
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

        private PoolEvent event(Line n) {
            String ev = n.ev == null ? "" : n.ev;
            long t = n.t;
            String drv = n.drv == null ? "" : n.drv;
            String caller = n.caller == null ? "" : n.caller;
            switch (ev) {
                case "alloc" -> {
                    AllocRoutine r = routine(n.fn, AllocRoutine::byName, AllocRoutine.UNKNOWN, "allocation");
                    WindowsPoolType type = n.pool != null ? WindowsPoolType.parse(n.pool) : null;
                    long flags = n.flags != null ? PoolFlags.parse(n.flags) : 0;
                    PoolTag tag = n.tag != null ? tag(n.tag) : null;
                    SpecialAlignment align = n.align != null ? SpecialAlignment.parse(n.align) : null;
                    return new PoolEvent.Alloc(t, r, type, flags, tag, required(n.size, "size"), address(n.addr), drv, caller, align, lineNo);
                }
                case "free" -> {
                    FreeRoutine r = routine(n.fn, FreeRoutine::byName, FreeRoutine.UNKNOWN, "free");
                    PoolTag tag = n.tag != null ? tag(n.tag) : null;
                    // a free of NULL is a driver bug worth replaying; an allocation at 0 is not an allocation
                    return new PoolEvent.Free(t, r, tag, "0x0".equals(n.addr) || "0".equals(n.addr) ? 0 : address(n.addr), drv, caller, lineNo);
                }
                case "unload" -> {
                    if (drv.isEmpty()) {
                        throw new IllegalArgumentException("an unload without \"drv\"");
                    }
                    return new PoolEvent.Unload(t, drv, lineNo);
                }
                case "access" -> {
                    return new PoolEvent.Access(t, address(n.addr), required(n.off, "off"), (int) required(n.len, "len"),
                            Boolean.TRUE.equals(n.write), drv, caller, lineNo);
                }
                case "verify" -> {
                    Set<VerifierOption> opts = EnumSet.noneOf(VerifierOption.class);
                    for (String o : n.options) {
                        opts.add(VerifierOption.parse(o));
                    }
                    if (drv.isEmpty()) {
                        throw new IllegalArgumentException("a verify event without \"drv\"");
                    }
                    return new PoolEvent.VerifyDriver(t, drv, opts, lineNo);
                }
                case "special-pool-tag" -> {
                    return new PoolEvent.SpecialPoolTag(t, TagPattern.parse(n.pattern == null ? "" : n.pattern), lineNo);
                }
                default -> throw new UnknownEvent(ev.isEmpty() ? "a line without \"ev\"" : "unknown event '" + ev + "'");
            }
        }

        /** The routine {@code fn} names, {@code notRecorded} without one; refused when it names no {@code kind} routine. */
        private static <R> R routine(String fn, Function<String, R> byName, R notRecorded, String kind) {
            if (fn == null) {
                return notRecorded;
            }
            R r = byName.apply(fn);
            if (r == null) {
                throw new IllegalArgumentException("unknown " + kind + " routine '" + fn + "'");
            }
            return r;
        }

        private static PoolTag tag(String text) {
            try {
                return PoolTag.ofMemoryText(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("tag '" + text + "': " + e.getMessage());
            }
        }

        private static long required(Long v, String field) {
            if (v == null) {
                throw new IllegalArgumentException("\"" + field + "\" is missing or not an integer");
            }
            return v;
        }

        private static long address(String a) {
            String s = a == null ? "" : a;
            try {
                long v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseUnsignedLong(s);
                if (v == 0) {
                    throw new IllegalArgumentException("address 0");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"addr\" '" + s + "' is not an address");
            }
        }

        @Override
        public boolean complete() {
            return complete;
        }
    }

    /** The fields of one event line, read with Jackson's streaming parser (no tree per line). */
    private static final class Line {
        boolean header;
        long t = PoolEvent.NO_TIME;
        String ev;
        String fn;
        String pool;
        String flags;
        String tag;
        String addr;
        String drv;
        String caller;
        String align;
        String pattern;
        Long size;
        Long off;
        Long len;
        Boolean write;
        java.util.List<String> options = new java.util.ArrayList<>();

        /** The line's fields, or null when it is not an object. */
        static Line parse(String text) throws IOException {
            try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(text)) {
                if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return null;
                }
                Line l = new Line();
                com.fasterxml.jackson.core.JsonToken tok;
                while ((tok = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    com.fasterxml.jackson.core.JsonToken v = p.nextToken();
                    switch (name) {
                        case "format" -> {
                            l.header = true;
                            p.skipChildren();
                        }
                        case "t" -> l.t = v == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : PoolEvent.NO_TIME;
                        case "ev" -> l.ev = scalar(p, v);
                        case "fn" -> l.fn = scalar(p, v);
                        case "pool" -> l.pool = scalar(p, v);
                        case "flags" -> l.flags = scalar(p, v);
                        case "tag" -> l.tag = scalar(p, v);
                        case "addr" -> l.addr = scalar(p, v);
                        case "drv" -> l.drv = scalar(p, v);
                        case "caller" -> l.caller = scalar(p, v);
                        case "align" -> l.align = scalar(p, v);
                        case "pattern" -> l.pattern = scalar(p, v);
                        case "size" -> l.size = integer(p, v);
                        case "off" -> l.off = integer(p, v);
                        case "len" -> l.len = integer(p, v);
                        case "write" -> l.write = v == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
                        case "options" -> {
                            if (v == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                                    l.options.add(p.getText());
                                    p.skipChildren();
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                if (tok != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + tok);
                }
                if (p.nextToken() != null) {
                    throw new com.fasterxml.jackson.core.JsonParseException(p, "text after the object");
                }
                return l;
            }
        }

        private static String scalar(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonToken v) throws IOException {
            if (v.isScalarValue()) {
                return v == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : p.getText();
            }
            p.skipChildren();
            return null;
        }

        private static Long integer(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonToken v) throws IOException {
            if (v == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            p.skipChildren();
            return null;
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
