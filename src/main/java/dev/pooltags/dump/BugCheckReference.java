package dev.pooltags.dump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every bug check code of Microsoft's Bug Check Code Reference and Kernel Live Dump Code Reference, with its name,
 * one-line summary and documented parameters, read from the bundled table {@code bugchecks.tsv} (its header says
 * where each line came from). Codes whose page documents a table keyed by one parameter (0x19, 0xC2, 0xC4, 0xC1,
 * 0x1A, 0x13A, ...) keep every row, so a dump's parameters are explained row by row.
 */
public final class BugCheckReference {
    /** Where the pages are published; an entry's {@link Entry#page()} is appended. */
    public static final String BASE_URL = "https://learn.microsoft.com/windows-hardware/drivers/debugger/";

    private static final Pattern VALUE = Pattern.compile("0[xX][0-9A-Fa-f]+|\\b\\d+\\b");
    private static volatile BugCheckReference bundled;

    private final Map<Long, Entry> entries;

    /**
     * One documented code.
     *
     * @param code       the bug check code
     * @param name       its symbolic name
     * @param page       the page name under {@link #BASE_URL}
     * @param summary    the page's one-line summary ("This indicates that ...")
     * @param live       a live dump code (the system kept running), not a stop
     * @param aliasOf    the code whose parameters this one shares, or -1
     * @param parameters the meaning of parameters 1 to 4 (empty strings where the page lists none)
     * @param rows       rows of a table keyed by one parameter
     * @param none       the page says there are no parameters
     */
    public record Entry(long code, String name, String page, String summary, boolean live, long aliasOf,
                        List<String> parameters, List<Row> rows, boolean none) {
        public String url() {
            return BASE_URL + page;
        }
    }

    /**
     * One row of a table keyed by parameter {@code selector}.
     *
     * @param selector which parameter (1-4) selects the row
     * @param values   the selector values the row covers
     * @param meanings the meaning of parameters 1 to 4 in this row (the selector's own column holds the values)
     * @param cause    the documented cause
     */
    public record Row(int selector, List<Long> values, List<String> meanings, String cause) {}

    private BugCheckReference(Map<Long, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The table bundled with pooltags. */
    public static BugCheckReference bundled() {
        BugCheckReference r = bundled;
        if (r == null) {
            try (InputStream in = BugCheckReference.class.getResourceAsStream("bugchecks.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("bugchecks.tsv is missing from the build");
                }
                r = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = r;
        }
        return r;
    }

    static BugCheckReference parse(BufferedReader in) throws IOException {
        Map<Long, Entry> m = new LinkedHashMap<>();
        Map<Long, String[]> params = new LinkedHashMap<>();
        Map<Long, List<Row>> rows = new LinkedHashMap<>();
        Map<Long, Long> alias = new LinkedHashMap<>();
        Map<Long, Boolean> none = new LinkedHashMap<>();
        List<String[]> heads = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            long code = Long.decode(f[1]);
            switch (f[0]) {
                case "B", "L" -> heads.add(f);
                case "A" -> alias.put(code, Long.decode(f[2]));
                case "P" -> params.computeIfAbsent(code, k -> new String[] {"", "", "", ""})[Integer.parseInt(f[2]) - 1] = f[3];
                case "N" -> none.put(code, true);
                case "S" -> {
                    int sel = Integer.parseInt(f[2]);
                    List<Long> values = values(f[2 + sel]);
                    List<String> meanings = new ArrayList<>();
                    for (int i = 1; i <= 4; i++) {
                        meanings.add(i == sel ? "" : f[2 + i]);
                    }
                    rows.computeIfAbsent(code, k -> new ArrayList<>()).add(new Row(sel, values, List.copyOf(meanings), f[7]));
                }
                default -> throw new IllegalStateException("bugchecks.tsv: unknown line kind " + f[0]);
            }
        }
        for (String[] h : heads) {
            long code = Long.decode(h[1]);
            String[] p = params.getOrDefault(code, new String[] {"", "", "", ""});
            m.put(code, new Entry(code, h[2], h[3], h[4], h[0].equals("L"), alias.getOrDefault(code, -1L), List.of(p),
                    List.copyOf(rows.getOrDefault(code, List.of())), none.getOrDefault(code, false)));
        }
        return new BugCheckReference(m);
    }

    /** The numbers in a table cell: {@code "0x0B,; 0x0C,; or 0x0D"} is 0xB, 0xC and 0xD. */
    static List<Long> values(String cell) {
        List<Long> out = new ArrayList<>();
        Matcher mm = VALUE.matcher(cell);
        while (mm.find()) {
            String t = mm.group();
            try {
                out.add(t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t));
            } catch (NumberFormatException e) {
                // a number too long to be a parameter value: not a selector
            }
        }
        return List.copyOf(out);
    }

    /** The entry for a code. */
    public Optional<Entry> find(long code) {
        return Optional.ofNullable(entries.get(code & 0xFFFFFFFFL));
    }

    /** Every entry, in the reference's order. */
    public List<Entry> all() {
        return List.copyOf(entries.values());
    }

    /**
     * The documented meaning of a bug check with these parameters: the entry (following an alias such as
     * 0x1000007E to 0x7E for the parameters), the meaning of each parameter and the cause of the matching row.
     */
    public Explanation explain(long code, long[] p) {
        Entry e = entries.get(code & 0xFFFFFFFFL);
        if (e == null) {
            return new Explanation(code, null, null, List.of("", "", "", ""), null);
        }
        Entry params = e;
        if (e.aliasOf() >= 0 && entries.containsKey(e.aliasOf())) {
            params = entries.get(e.aliasOf());
        }
        List<String> meanings = new ArrayList<>(params.parameters());
        Row match = null;
        for (Row r : params.rows()) {
            long v = p[r.selector() - 1];
            // a parameter is a ULONG_PTR; documented values are small, so compare the low 32 bits as well
            if (r.values().contains(v) || r.values().contains(v & 0xFFFFFFFFL)) {
                match = r;
                break;
            }
        }
        if (match != null) {
            for (int i = 0; i < 4; i++) {
                String m = match.meanings().get(i);
                if (i == match.selector() - 1) {
                    meanings.set(i, "the type of violation");
                } else if (!m.isEmpty()) {
                    meanings.set(i, m);
                }
            }
        } else if (!params.rows().isEmpty()) {
            int sel = params.rows().get(0).selector();
            if (meanings.get(sel - 1).isEmpty()) {
                meanings.set(sel - 1, "the type of violation (a value the reference does not list)");
            }
        }
        return new Explanation(code, e, params == e ? null : params, List.copyOf(meanings), match);
    }

    /**
     * A bug check explained.
     *
     * @param code       the code
     * @param entry      its entry, or null for a code the reference does not list
     * @param parametersFrom the entry whose parameters apply when they come from another code (0x7E for 0x1000007E), else null
     * @param meanings   the meaning of parameters 1 to 4 ("" where undocumented)
     * @param row        the matching row of a keyed table, or null
     */
    public record Explanation(long code, Entry entry, Entry parametersFrom, List<String> meanings, Row row) {
        public boolean known() {
            return entry != null;
        }
    }
}
