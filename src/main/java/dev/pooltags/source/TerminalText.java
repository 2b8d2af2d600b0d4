package dev.pooltags.source;

import java.io.PrintWriter;

/**
 * Text read from input (file names, owner descriptions, row names, identifiers), made safe to show on a terminal.
 * A file name holding ESC sequences or a line break could otherwise clear the screen or print a forged
 * {@code fake.c(1,1): error ...} line an IDE takes as real, and a U+202E could reorder what a reader sees. So
 * every control character (C0, DEL, C1) is shown as {@code \xHH}, as tags already are, and every invisible
 * format or separator character (bidirectional overrides and isolates, marks, zero-width characters, U+2028/9,
 * the BOM) as <code>&#92;uHHHH</code>; everything else, accents and other scripts included, stays as it is.
 */
public final class TerminalText {
    private TerminalText() {}

    /** The most characters of one value shown in a table cell or a message. */
    public static final int MAX_SHOWN = 1000;

    /**
     * {@link #escape} of at most {@link #MAX_SHOWN} characters, the rest counted: a 200 MB name or description read
     * from a file is not printed whole.
     */
    public static String shown(String s) {
        if (s == null || s.length() <= MAX_SHOWN) {
            return escape(s);
        }
        int cut = Character.isHighSurrogate(s.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
        return escape(s.substring(0, cut)) + "... (" + (s.length() - cut) + " more characters)";
    }

    /** True for a character that is shown escaped. */
    public static boolean hidden(int c) {
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return true;
        }
        if (c < 0xA0) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** The text with every hidden character escaped; the same string when there is none. */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    && Character.getType(Character.toCodePoint(c, s.charAt(i + 1))) != Character.FORMAT) {
                i += 2; // a character outside the BMP (an emoji): shown as it is
                continue;
            }
            if (hidden(c)) {
                break;
            }
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        appendEscaped(sb, s, i, s.length());
        return sb.toString();
    }

    /** Appends {@code s[from, to)} with hidden characters escaped. */
    private static void appendEscaped(StringBuilder sb, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (Character.getType(cp) == Character.FORMAT) {
                    sb.append(String.format("\\U%08X", cp)); // tag characters and the like: invisible too
                } else {
                    sb.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (hidden(c)) {
                sb.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
    }

    /**
     * A writer for human-readable text (tables, report lines) that escapes everything written through it except the
     * line breaks the report itself makes: those of {@code println()} and of a {@code printf} format ({@code %n},
     * or a line break in the format string). A line break inside a value (a file name, a row name) is escaped like
     * any control character, so one finding stays one line. The last line of defence for text formats: renderers
     * escape table cells before measuring them, so columns line up; this catches everything else.
     */
    public static PrintWriter writer(PrintWriter out) {
        return out instanceof Escaping ? out : new Escaping(out);
    }

    private static final class Escaping extends PrintWriter {
        Escaping(PrintWriter target) {
            super(target, false);
        }

        private void raw(String s) {
            try {
                out.write(s);
            } catch (java.io.IOException e) {
                setError();
            }
        }

        @Override
        public void write(int c) {
            raw(escape(String.valueOf((char) c)));
        }

        @Override
        public void write(char[] buf, int off, int len) {
            raw(escape(new String(buf, off, len)));
        }

        @Override
        public void write(String s, int off, int len) {
            raw(escape(s.substring(off, off + len)));
        }

        @Override
        public PrintWriter format(String format, Object... args) {
            raw(String.format(format, escapedArgs(args)));
            return this;
        }

        @Override
        public PrintWriter format(java.util.Locale l, String format, Object... args) {
            raw(String.format(l, format, escapedArgs(args)));
            return this;
        }

        /** Numbers keep their formatting; anything else is text from somewhere, escaped before it is placed. */
        private static Object[] escapedArgs(Object[] args) {
            if (args == null) {
                return null;
            }
            Object[] a = args.clone();
            for (int i = 0; i < a.length; i++) {
                if (a[i] != null && !(a[i] instanceof Number) && !(a[i] instanceof Boolean) && !(a[i] instanceof Character)
                        && !(a[i] instanceof java.time.temporal.TemporalAccessor)) {
                    a[i] = escape(String.valueOf(a[i]));
                }
            }
            return a;
        }
    }
}
