package dev.pooltags.trace;

import dev.pooltags.event.AllocRoutine;
import dev.pooltags.event.FreeRoutine;
import dev.pooltags.event.PoolEvent;
import dev.pooltags.event.WindowsPoolType;
import dev.pooltags.source.InputException;
import dev.pooltags.tag.PoolTag;
import dev.pooltags.tag.TagCache;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the text {@code xperf -i trace.etl -o out.csv -a dumper} writes, taking the kernel pool events PoolAlloc,
 * PoolFree, PoolAllocSession and PoolFreeSession (recorded with {@code xperf -on ...+POOL}; with
 * {@code -stackwalk PoolAlloc+PoolFree+...} each is followed by its Stack lines).
 *
 * <p>The dumper's layout: a block from {@code BeginHeader} to {@code EndHeader} in which each line names an event and
 * its columns ({@code PoolAlloc,  TimeStamp,     Process Name ( PID),   ThreadID, ...}), then one line per event
 * whose first field is the event's name and whose fields follow that event's header line, padded with spaces. The
 * columns are found by name in the file's own header, never by position; accepted names (case and spaces ignored):
 * time {@code TimeStamp} (microseconds), pool type {@code Type}/{@code PoolType}, tag {@code Tag}/{@code PoolTag},
 * size {@code Size}/{@code NumberOfBytes}/{@code NumBytes}, address {@code Address}/{@code Entry}/{@code VA}. A pool
 * type is a number or a POOL_TYPE name; a tag is text or a hex value. {@code Stack} lines after an event give its
 * caller: the first frame outside the kernel image.
 *
 * <p>Lines that are not pool events are counted by name ({@link #skipped()}); lines of undeclared events, truncated
 * lines and unreadable fields are reported as {@link TraceProblem}s with their line number and skipped.
 */
public final class XperfDumperReader extends FileTraceReader {
    private static final int MAX_FIELDS = 128;
    /** Lines xperf writes that its header does not declare. */
    private static final List<String> HOUSEKEEPING = List.of("GroupMasks", "UnknownEvent");

    private final String name;
    private final ByteLines lines;
    private final List<Layout> layouts = new ArrayList<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final int[] fs = new int[MAX_FIELDS];
    private final int[] fe = new int[MAX_FIELDS];
    private final Map<String, String> interned = new HashMap<>();
    /** Tags seen recently, by value: most traces use a few hundred tags, so most events reuse one. */
    private final TagCache tags = new TagCache(1024);
    private Layout stackLayout;
    private PoolEvent pending;
    private boolean pendingHasCaller;
    private long pendingThread;
    private long pendingTime;
    private int nf;

    private enum Kind { ALLOC, FREE, STACK, OTHER }

    /** One event's columns as its header line declares them. */
    private static final class Layout {
        final String name;
        final byte[] nameBytes;
        final Kind kind;
        final int columns;
        int time = -1, type = -1, tag = -1, size = -1, address = -1, thread = -1, frame = -1, function = -1;
        long count;

        Layout(String name, Kind kind, List<String> cols) {
            this.name = name;
            this.nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
            this.kind = kind;
            this.columns = cols.size() + 1;
            for (int i = 0; i < cols.size(); i++) {
                String c = cols.get(i).toLowerCase(Locale.ROOT).replace(" ", "");
                int f = i + 1;
                switch (c) {
                    case "timestamp" -> time = f;
                    case "type", "pooltype" -> type = f;
                    case "tag", "pooltag" -> tag = f;
                    case "size", "numberofbytes", "numbytes", "allocsize", "bytes" -> size = f;
                    case "address", "entry", "va", "pooladdress", "addr" -> address = f;
                    case "threadid" -> thread = f;
                    case "no." -> frame = f;
                    case "image!function" -> function = f;
                    default -> { }
                }
            }
        }
    }

    /**
     * Opens the reader and reads the header.
     *
     * @throws InputException when the text is not dumper output or a pool event's header lacks a needed column
     */
    public XperfDumperReader(String name, InputStream in, Consumer<TraceProblem> problems) {
        super("xperf dumper CSV", in, problems);
        this.name = name;
        this.lines = new ByteLines(in);
        readHeader();
    }

    private void readHeader() {
        boolean begun = false;
        while (lines.next()) {
            String t = lines.text().strip();
            if (!begun) {
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("\uFEFF") || t.startsWith("\u00EF\u00BB\u00BF")) {
                    t = t.substring(t.charAt(0) == '\uFEFF' ? 1 : 3).strip();
                }
                if (!t.equals("BeginHeader")) {
                    throw new InputException(name, lines.number, "not xperf dumper output: it starts with '" + abbreviate(t)
                            + "', not BeginHeader (write it with: xperf -i trace.etl -o out.csv -a dumper)");
                }
                begun = true;
                continue;
            }
            if (t.equals("EndHeader")) {
                if (layouts.stream().noneMatch(l -> l.kind == Kind.ALLOC || l.kind == Kind.FREE)) {
                    throw new InputException(name, lines.number, "the header declares no pool events (PoolAlloc, PoolFree): record "
                            + "the trace with xperf -on PROC_THREAD+LOADER+POOL");
                }
                return;
            }
            if (t.isEmpty()) {
                continue;
            }
            String[] parts = t.split(",");
            String event = parts[0].strip();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                cols.add(parts[i].strip());
            }
            Kind kind = switch (event) {
                case "PoolAlloc", "PoolAllocSession" -> Kind.ALLOC;
                case "PoolFree", "PoolFreeSession" -> Kind.FREE;
                case "Stack" -> Kind.STACK;
                default -> Kind.OTHER;
            };
            Layout l = new Layout(event, kind, cols);
            if (kind == Kind.ALLOC || kind == Kind.FREE) {
                List<String> missing = new ArrayList<>();
                if (l.time < 0) {
                    missing.add("TimeStamp");
                }
                if (l.address < 0) {
                    missing.add("address (Address, Entry or VA)");
                }
                if (kind == Kind.ALLOC && l.tag < 0) {
                    missing.add("tag (Tag or PoolTag)");
                }
                if (kind == Kind.ALLOC && l.size < 0) {
                    missing.add("size (Size, NumberOfBytes or NumBytes)");
                }
                if (!missing.isEmpty()) {
                    throw new InputException(name, lines.number, "the header line of " + event + " has no " + String.join(", no ", missing)
                            + " column; its columns are: " + String.join(", ", cols));
                }
            }
            if (kind == Kind.STACK) {
                stackLayout = l;
            }
            layouts.add(l);
        }
        throw new InputException(name, lines.number, begun ? "the header has no EndHeader line (the file is truncated?)"
                : "the file is empty");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    @Override
    public PoolEvent next() {
        while (lines.next()) {
            PoolEvent e = line();
            if (e != null) {
                return e;
            }
        }
        PoolEvent last = pending;
        pending = null;
        return last;
    }

    /** Reads the current line; returns an event that is now complete (the pending one), or null. */
    private PoolEvent line() {
        split();
        if (nf == 0) {
            return null;
        }
        byte[] b = lines.buffer();
        trim(0);
        int s0 = fs[0];
        int e0 = fe[0];
        if (e0 == s0) {
            if (nf > 1 || lines.end > lines.start && !lines.text().isBlank()) {
                problems.accept(new TraceProblem(lines.number, "bad-line", "a line without an event name; line skipped"));
            }
            return null;
        }
        Layout l = layout(b, s0, e0);
        if (l == null) {
            String event = new String(b, s0, e0 - s0, StandardCharsets.ISO_8859_1);
            if (event.startsWith("OS Version")) {
                readOsLine();
                return null;
            }
            for (String h : HOUSEKEEPING) {
                if (event.startsWith(h)) {
                    skipped.merge(event, 1L, Long::sum);
                    return null;
                }
            }
            problems.accept(new TraceProblem(lines.number, "unknown-event", "event '" + abbreviate(event)
                    + "' is not declared in the header; line skipped"));
            return null;
        }
        if (l.kind == Kind.STACK) {
            try {
                stack(l);
            } catch (IllegalArgumentException ex) {
                problems.accept(new TraceProblem(lines.number, "bad-field", "Stack: " + ex.getMessage() + "; frame ignored"));
            }
            return null;
        }
        if (l.kind == Kind.OTHER) {
            l.count++;
            return null;
        }
        PoolEvent e = pool(l);
        if (e == null) {
            return null;
        }
        PoolEvent done = pending;
        if (stackLayout != null) {
            pending = e;
            pendingHasCaller = false;
            pendingThread = l.thread > 0 && l.thread < nf ? number(l.thread, false) : -1;
            pendingTime = e.time();
            return done;
        }
        return e;
    }

    private Layout layout(byte[] b, int s, int e) {
        int n = e - s;
        for (Layout l : layouts) {
            byte[] nb = l.nameBytes;
            if (nb.length == n) {
                int i = 0;
                while (i < n && nb[i] == b[s + i]) {
                    i++;
                }
                if (i == n) {
                    return l;
                }
            }
        }
        return null;
    }

    private static final long COMMA = ByteSearch.pattern((byte) ',');
    private static final long QUOTE = ByteSearch.pattern((byte) '"');

    /**
     * Splits the current line at commas outside double quotes. Fields keep their padding; {@link #trim(int)} removes it
     * from the fields that are read.
     */
    private void split() {
        byte[] b = lines.buffer();
        int i = lines.start;
        int end = lines.end;
        nf = 0;
        if (ByteSearch.indexOf(b, i, end, QUOTE) < 0) {
            while (nf < MAX_FIELDS - 1) {
                int c = ByteSearch.indexOf(b, i, end, COMMA);
                if (c < 0) {
                    break;
                }
                fs[nf] = i;
                fe[nf++] = c;
                i = c + 1;
            }
            fs[nf] = i;
            fe[nf++] = end;
            return;
        }
        while (i <= end && nf < MAX_FIELDS) {
            int s = i;
            boolean quoted = false;
            while (i < end && (quoted || b[i] != ',')) {
                if (b[i] == '"') {
                    quoted = !quoted;
                }
                i++;
            }
            fs[nf] = s;
            fe[nf] = i;
            nf++;
            i++;
        }
    }

    /** Removes the spaces and tabs around field {@code i} (the dumper pads its columns). */
    private void trim(int i) {
        byte[] b = lines.buffer();
        int s = fs[i];
        int e = fe[i];
        while (s < e && (b[s] == ' ' || b[s] == '\t')) {
            s++;
        }
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        fs[i] = s;
        fe[i] = e;
    }

    private PoolEvent pool(Layout l) {
        int need = Math.max(Math.max(l.time, l.address), Math.max(l.tag, Math.max(l.size, l.type)));
        if (nf <= need) {
            problems.accept(new TraceProblem(lines.number, "truncated-line", l.name + " has " + nf + " of the " + l.columns
                    + " fields its header line declares (truncated?); line skipped"));
            return null;
        }
        try {
            long time = number(l.time, false);
            long address = number(l.address, true);
            if (address == 0) {
                problems.accept(new TraceProblem(lines.number, "bad-field", l.name + " at address 0; line skipped"));
                return null;
            }
            PoolTag tag = l.tag > 0 ? tag(l.tag) : null;
            if (l.kind == Kind.ALLOC) {
                long size = number(l.size, false);
                WindowsPoolType type = l.type > 0 ? poolType(l.type, l.name.endsWith("Session")) : null;
                l.count++;
                return new PoolEvent.Alloc(time, AllocRoutine.UNKNOWN, type, 0, tag, size, address, "", "", null, lines.number);
            }
            l.count++;
            return new PoolEvent.Free(time, FreeRoutine.UNKNOWN, tag, address, "", "", lines.number);
        } catch (IllegalArgumentException ex) {
            problems.accept(new TraceProblem(lines.number, "bad-field", l.name + ": " + ex.getMessage() + "; line skipped"));
            return null;
        }
    }

    private void stack(Layout l) {
        if (pending == null || pendingHasCaller || l.function < 0 || l.function >= nf) {
            return;
        }
        if (l.thread > 0 && l.thread < nf && pendingThread >= 0 && number(l.thread, false) != pendingThread) {
            return;
        }
        if (l.time > 0 && l.time < nf && number(l.time, false) != pendingTime) {
            return;
        }
        String frame = field(l.function);
        int bang = frame.indexOf('!');
        String image = bang > 0 ? frame.substring(0, bang).toLowerCase(Locale.ROOT) : "";
        if (image.startsWith("ntoskrnl") || image.startsWith("ntkrnl") || image.equals("hal.dll") || image.isEmpty()) {
            return;
        }
        pendingHasCaller = true;
        String caller = intern(frame);
        String driver = intern(frame.substring(0, bang));
        if (pending instanceof PoolEvent.Alloc a) {
            pending = new PoolEvent.Alloc(a.time(), a.routine(), a.poolType(), a.poolFlags(), a.tag(), a.size(), a.address(), driver,
                    caller, a.alignment(), a.line());
        } else if (pending instanceof PoolEvent.Free f) {
            pending = new PoolEvent.Free(f.time(), f.routine(), f.tag(), f.address(), driver, caller, f.line());
        }
    }

    private String intern(String s) {
        String v = interned.putIfAbsent(s, s);
        return v == null ? s : v;
    }

    private String field(int i) {
        trim(i);
        return new String(lines.buffer(), fs[i], fe[i] - fs[i], StandardCharsets.ISO_8859_1);
    }

    private void readOsLine() {
        for (int i = 0; i < nf; i++) {
            String f = field(i);
            int c = f.indexOf(':');
            if (c > 0) {
                info.put(f.substring(0, c).strip(), f.substring(c + 1).strip());
            }
        }
    }

    /** A field as a number: decimal, or hex with 0x (always hex when {@code hex}). */
    private long number(int i, boolean hex) {
        trim(i);
        byte[] b = lines.buffer();
        int s = fs[i];
        int e = fe[i];
        if (e - s >= 2 && b[s] == '0' && (b[s + 1] == 'x' || b[s + 1] == 'X')) {
            s += 2;
            hex = true;
        }
        if (s == e) {
            throw new IllegalArgumentException("field " + i + " is empty");
        }
        if (!hex && e - s <= 18) {
            long v = 0;
            for (int k = s; k < e; k++) {
                int c = b[k] - '0';
                if (c < 0 || c > 9) {
                    throw new IllegalArgumentException("field " + i + " '" + field(i) + "' is not a number");
                }
                v = v * 10 + c;
            }
            return v;
        }
        long v = 0;
        int digits = 0;
        for (int k = s; k < e; k++) {
            int c = b[k];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (hex && c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (hex && c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else if (c == '`') {
                continue; // WinDbg-style 64-bit separator
            } else {
                throw new IllegalArgumentException("field " + i + " '" + field(i) + "' is not a " + (hex ? "hex " : "") + "number");
            }
            v = hex ? v << 4 | d : v * 10 + d;
            if (++digits > (hex ? 16 : 18)) {
                throw new IllegalArgumentException("field " + i + " '" + field(i) + "' is too long for a number");
            }
        }
        return v;
    }

    private PoolTag tag(int i) {
        trim(i);
        byte[] b = lines.buffer();
        int s = fs[i];
        int e = fe[i];
        int n = e - s;
        if (n >= 2 && b[s] == '"' && b[e - 1] == '"') {
            s++;
            e--;
            n -= 2;
        }
        if (n > 4 && b[s] == '0' && (b[s + 1] == 'x' || b[s + 1] == 'X')) {
            return PoolTag.ofValue((int) number(i, true));
        }
        if (n >= 1 && n <= 4) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int c = k < n ? b[s + k] & 0xFF : ' ';
                if (c == '\\') {
                    return PoolTag.ofMemoryText(new String(b, s, n, StandardCharsets.ISO_8859_1));
                }
                v |= c << (8 * k);
            }
            return tags.ofValue(v);
        }
        try {
            return PoolTag.ofMemoryText(new String(b, s, n, StandardCharsets.ISO_8859_1));
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("tag '" + field(i) + "' is not a pool tag");
        }
    }

    private WindowsPoolType poolType(int i, boolean session) {
        trim(i);
        byte[] b = lines.buffer();
        int s = fs[i];
        int e = fe[i];
        if (e > s && b[s] >= '0' && b[s] <= '9') {
            long v = number(i, false);
            WindowsPoolType t = v <= Integer.MAX_VALUE ? WindowsPoolType.fromCode((int) v) : null;
            if (t == null) {
                throw new IllegalArgumentException("pool type " + field(i) + " is not a POOL_TYPE value");
            }
            return session && !t.isSession() && WindowsPoolType.fromCode(t.code() | 32) != null ? WindowsPoolType.fromCode(t.code() | 32) : t;
        }
        WindowsPoolType t = WindowsPoolType.parse(field(i));
        if (session && !t.isSession() && WindowsPoolType.fromCode(t.code() | 32) != null) {
            t = WindowsPoolType.fromCode(t.code() | 32);
        }
        return t;
    }

    @Override
    public Map<String, Long> skipped() {
        Map<String, Long> out = new LinkedHashMap<>(skipped);
        for (Layout l : layouts) {
            if (l.kind == Kind.OTHER && l.count > 0) {
                out.merge(l.name, l.count, Long::sum);
            }
        }
        return out;
    }
}
