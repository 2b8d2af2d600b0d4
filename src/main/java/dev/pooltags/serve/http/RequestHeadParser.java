package dev.pooltags.serve.http;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads an HTTP/1.1 request head (RFC 9112 sections 2 to 5) from the bytes a connection has received so far.
 *
 * <p>Incremental: {@link #parse} is called again as bytes arrive and only scans the new ones for line ends, so a
 * client sending a byte at a time costs a byte of work each time. Limits are checked as the bytes arrive, not once
 * the head is complete: an over-long request line is refused (414) as soon as it is longer than the limit, a header
 * block as soon as it passes the byte or field limit (431), without waiting for the rest.
 *
 * <p>Lenient where RFC 9112 allows it (a bare LF ends a line, blank lines before the request line are skipped, a
 * later minor version is read as 1.1); strict where leniency lets requests be read two ways: whitespace before a
 * header field's colon, folded header lines, bare CR, control characters, conflicting or malformed
 * {@code Content-Length}, several {@code Host} fields or none in HTTP/1.1 are refused with 400.
 */
public final class RequestHeadParser {
    private static final int MAX_BLANK_LINES = 8;
    private static final int MAX_METHOD = 20;

    private final int maxTarget;
    private final int maxHeaderBytes;
    private final int maxHeaders;

    private int scanned;
    private int lineStart;
    private int blankLines;
    private int requestLineStart = -1;
    private int requestLineEnd = -1; // end of its content, CR excluded
    private int headerStart;
    private int fields;

    /**
     * @param maxTarget      longest request target (414 above)
     * @param maxHeaderBytes longest header block, line ends included (431 above)
     * @param maxHeaders     most header fields (431 above)
     */
    public RequestHeadParser(int maxTarget, int maxHeaderBytes, int maxHeaders) {
        this.maxTarget = maxTarget;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaders = maxHeaders;
    }

    /** Forgets the previous request: the next head starts at offset 0. */
    public void reset() {
        scanned = 0;
        lineStart = 0;
        blankLines = 0;
        requestLineStart = -1;
        requestLineEnd = -1;
        headerStart = 0;
        fields = 0;
    }

    /** Longest request line accepted: the target plus a method, two spaces and the version. */
    int maxRequestLine() {
        return maxTarget + MAX_METHOD + 12;
    }

    /**
     * Looks at {@code buf[0, end)}, the bytes received since the head began (earlier calls saw a prefix of them).
     *
     * @return the head once it is complete, or null while more bytes are needed
     * @throws RequestRefused when the head is malformed or over a limit, with the status to answer
     */
    public RequestHead parse(byte[] buf, int end) throws RequestRefused {
        for (; scanned < end; scanned++) {
            if (buf[scanned] != '\n') {
                continue;
            }
            int contentEnd = scanned > lineStart && buf[scanned - 1] == '\r' ? scanned - 1 : scanned;
            if (requestLineStart < 0) {
                if (contentEnd == lineStart) {
                    if (++blankLines > MAX_BLANK_LINES) {
                        throw new RequestRefused(400, "blank lines instead of a request line");
                    }
                } else {
                    requestLineStart = lineStart;
                    requestLineEnd = contentEnd;
                    checkRequestLineLength(buf, contentEnd - lineStart);
                    headerStart = scanned + 1;
                }
            } else if (contentEnd == lineStart) {
                return build(buf, scanned + 1);
            } else if (++fields > maxHeaders) {
                throw new RequestRefused(431, "more than " + maxHeaders + " header fields");
            }
            lineStart = scanned + 1;
            if (requestLineStart >= 0 && lineStart - headerStart > maxHeaderBytes) {
                throw new RequestRefused(431, "header fields longer than " + maxHeaderBytes + " bytes");
            }
        }
        if (requestLineStart < 0) {
            checkRequestLineLength(buf, end - lineStart);
        } else if (end - headerStart > maxHeaderBytes) {
            throw new RequestRefused(431, "header fields longer than " + maxHeaderBytes + " bytes");
        }
        return null;
    }

    private void checkRequestLineLength(byte[] buf, int length) throws RequestRefused {
        if (length <= maxRequestLine()) {
            return;
        }
        int start = requestLineStart >= 0 ? requestLineStart : lineStart;
        for (int i = start; i < start + MAX_METHOD + 1; i++) {
            if (buf[i] == ' ') {
                throw new RequestRefused(414, "request target longer than " + maxTarget + " characters");
            }
        }
        throw new RequestRefused(400, "not an HTTP request line");
    }

    private RequestHead build(byte[] buf, int length) throws RequestRefused {
        String line = new String(buf, requestLineStart, requestLineEnd - requestLineStart, StandardCharsets.ISO_8859_1);
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 == sp1) {
            throw new RequestRefused(400, "not an HTTP request line (method, target and version)");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        if (!isToken(method) || method.length() > MAX_METHOD) {
            throw new RequestRefused(400, "not an HTTP method");
        }
        if (!version.matches("HTTP/[0-9]\\.[0-9]")) {
            throw new RequestRefused(400, "not an HTTP version: use HTTP/1.1");
        }
        if (version.charAt(5) != '1') {
            throw new RequestRefused(505, "HTTP version " + version.substring(5) + " is not served: use HTTP/1.1");
        }
        boolean http10 = version.equals("HTTP/1.0");
        URI uri = targetUri(target);
        Headers headers = headerFields(buf);
        List<String> hosts = headers.get("Host");
        if (hosts != null && hosts.size() > 1 || hosts == null && !http10) {
            throw new RequestRefused(400, hosts == null ? "HTTP/1.1 request without a Host header field"
                    : "several Host header fields");
        }
        boolean hasBody = hasBody(headers);
        boolean persistent = persistent(headers, http10) && !hasBody;
        return new RequestHead(method, target, uri, http10 ? "HTTP/1.0" : "HTTP/1.1", headers, persistent, hasBody,
                length);
    }

    /** The request target checked (length, characters) and parsed. */
    private URI targetUri(String target) throws RequestRefused {
        if (target.length() > maxTarget) {
            throw new RequestRefused(414, "request target longer than " + maxTarget + " characters");
        }
        if (target.isEmpty() || target.indexOf(' ') >= 0) {
            throw new RequestRefused(400, "not an HTTP request line (method, target and version)");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new RequestRefused(400, "control or non-ASCII characters in the request target");
            }
        }
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            throw new RequestRefused(400, "malformed request target (percent-encode characters such as { } | \\ ^)");
        }
    }

    /** The header lines up to the empty line, each checked: no folding, a token name, no control characters. */
    private Headers headerFields(byte[] buf) throws RequestRefused {
        Headers headers = new Headers();
        int pos = headerStart;
        while (true) {
            int lf = pos;
            while (buf[lf] != '\n') {
                lf++;
            }
            int end = lf > pos && buf[lf - 1] == '\r' ? lf - 1 : lf;
            if (end == pos) {
                break;
            }
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                throw new RequestRefused(400, "folded header line (obsolete line folding is not accepted)");
            }
            int colon = pos;
            while (colon < end && buf[colon] != ':') {
                colon++;
            }
            if (colon == end || colon == pos) {
                throw new RequestRefused(400, "header line without a field name and colon");
            }
            String name = new String(buf, pos, colon - pos, StandardCharsets.ISO_8859_1);
            if (!isToken(name)) {
                throw new RequestRefused(400, "malformed header field name (no spaces before the colon)");
            }
            headers.add(name, fieldValue(buf, colon + 1, end, name));
            pos = lf + 1;
        }
        return headers;
    }

    /** A field value without its surrounding blanks; control characters in it are refused. */
    private static String fieldValue(byte[] buf, int from, int to, String name) throws RequestRefused {
        int vs = from;
        int ve = to;
        while (vs < ve && (buf[vs] == ' ' || buf[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) {
            ve--;
        }
        for (int i = vs; i < ve; i++) {
            int c = buf[i] & 0xff;
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new RequestRefused(400, "control character in the value of header field " + name);
            }
        }
        return new String(buf, vs, ve - vs, StandardCharsets.ISO_8859_1);
    }

    /** A body follows with Transfer-Encoding or a Content-Length above 0 (several lengths must agree). */
    private static boolean hasBody(Headers headers) throws RequestRefused {
        boolean hasBody = headers.containsKey("Transfer-Encoding");
        List<String> lengths = headers.get("Content-Length");
        if (lengths != null) {
            String first = null;
            for (String l : lengths) {
                for (String v : l.split(",", -1)) {
                    v = v.trim();
                    if (!v.matches("[0-9]{1,18}") || first != null && !first.equals(v)) {
                        throw new RequestRefused(400, "malformed or conflicting Content-Length");
                    }
                    first = v;
                }
            }
            hasBody |= Long.parseLong(first) > 0;
        }
        return hasBody;
    }

    /** Whether the connection may stay open after the response, by version and Connection tokens. */
    private static boolean persistent(Headers headers, boolean http10) {
        boolean close = false;
        boolean keepAlive = false;
        List<String> connection = headers.get("Connection");
        if (connection != null) {
            for (String c : connection) {
                for (String token : c.split(",")) {
                    String t = token.trim().toLowerCase(Locale.ROOT);
                    close |= t.equals("close");
                    keepAlive |= t.equals("keep-alive");
                }
            }
        }
        return !close && (!http10 || keepAlive);
    }

    /** RFC 9110 token characters. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
