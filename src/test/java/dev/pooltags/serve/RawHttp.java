package dev.pooltags.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Requests written byte for byte, from a chosen loopback source address (127.0.0.2, ...: Linux routes all of
 * 127.0.0.0/8 to the loopback interface, so one machine can be many clients), and the answers read back.
 */
final class RawHttp {
    private RawHttp() {}

    /** An answer: status, headers (lower-case names), body; status -1 when the server closed without answering. */
    record Answer(int status, Map<String, String> headers, String body) {}

    /** The loopback address 127.0.0.{@code n}; the test is skipped where only 127.0.0.1 works. */
    static InetAddress client(int n) {
        try {
            InetAddress a = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) n});
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(a, 0));
            }
            return a;
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "cannot use 127.0.0." + n + " as a source address here: " + e);
            return null;
        }
    }

    static Socket connect(SocketFactory factory, InetAddress from, int port) throws IOException {
        Socket s = factory.createSocket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
        return s;
    }

    static Socket connect(InetAddress from, int port) throws IOException {
        return connect(SocketFactory.getDefault(), from, port);
    }

    /** Sends the bytes on a new connection and reads one answer (30 s at most). */
    static Answer exchange(InetAddress from, int port, String request) throws IOException {
        try (Socket s = connect(from, port)) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    static String get(String path, String... headerLines) {
        StringBuilder sb = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headerLines) {
            sb.append(h).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Reads one answer: head, then a Content-Length body (or to the end of the stream). */
    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        try {
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                state = b == '\r' && (state == 0 || state == 2) || b == '\n' && (state == 1 || state == 3) ? state + 1
                        : b == '\r' ? 1 : 0;
            }
        } catch (java.net.SocketException reset) {
            // a reset before or during the answer
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || state < 4) {
            return new Answer(-1, Map.of(), text);
        }
        String[] lines = text.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = new byte[0];
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * True when the server closes the connection within the wait (end of stream or reset, after whatever it sent
     * last, such as a TLS alert); false while it stays open.
     */
    static boolean closedByServer(Socket s, int waitMillis) throws IOException {
        s.setSoTimeout(waitMillis);
        try {
            byte[] buf = new byte[4096];
            for (int i = 0; i < 1000; i++) {
                if (s.getInputStream().read(buf) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /** True when the server refuses a new connection from the address: reset at once, or closed without a word. */
    static boolean refused(InetAddress from, int port, List<Socket> keep) throws IOException {
        Socket s;
        try {
            s = connect(from, port);
        } catch (java.net.SocketException reset) {
            return true; // the reset came before connect() returned
        }
        keep.add(s);
        return closedByServer(s, 30_000);
    }
}
