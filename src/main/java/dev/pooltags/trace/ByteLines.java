package dev.pooltags.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Lines of a file as byte ranges in a reused buffer, without decoding or copying: the fast path of the CSV reader.
 * CR before LF is dropped; a last line without a newline still counts.
 */
final class ByteLines {
    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int limit;
    private int pos;
    private boolean eof;
    /** The current line: buf[start, end). */
    int start;
    int end;
    long number;

    ByteLines(InputStream in) {
        this.in = in;
    }

    byte[] buffer() {
        return buf;
    }

    /** Advances to the next line; false at the end. */
    private static final long NEWLINE = ByteSearch.pattern((byte) '\n');

    boolean next() {
        while (true) {
            int i = ByteSearch.indexOf(buf, pos, limit, NEWLINE);
            if (i >= 0) {
                start = pos;
                end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                pos = i + 1;
                number++;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    start = pos;
                    end = buf[limit - 1] == '\r' ? limit - 1 : limit;
                    pos = limit;
                    number++;
                    return true;
                }
                return false;
            }
            fill();
        }
    }

    private void fill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current line as text (Latin-1: every byte kept). */
    String text() {
        return new String(buf, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
