package dev.pooltags.report;

import dev.pooltags.source.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: columns padded to their widest cell, numbers right-aligned, the last
 * column left ragged so long descriptions do not pad every line. Cells are shown through {@link TerminalText}.
 */
public final class TextTable {
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Column headers; a header starting with '>' is right-aligned (the '>' is not printed). */
    public TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size());
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // escaped before measuring: a control character in a name must neither act nor shift the columns
            r[i] = cells[i] == null ? "" : TerminalText.shown(cells[i].toString());
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintWriter out, boolean withHeader) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = withHeader ? headers.get(i).length() : 0;
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        if (withHeader) {
            line(out, headers.toArray(new String[0]), w);
        }
        for (String[] r : rows) {
            line(out, r, w);
        }
    }

    private void line(PrintWriter out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(120);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String c = cells[i];
            boolean last = i == cells.length - 1;
            if (rightAligned[i]) {
                sb.append(" ".repeat(w[i] - c.length())).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(w[i] - c.length()));
                }
            }
        }
        int e = sb.length();
        while (e > 0 && sb.charAt(e - 1) == ' ') {
            e--;
        }
        sb.setLength(e);
        out.println(sb);
    }

    /** A tag for a table cell: quoted when it has spaces, as the architecture's conventions say. */
    public static String tagCell(String memoryText) {
        return memoryText.indexOf(' ') >= 0 ? "'" + memoryText + "'" : memoryText;
    }
}
