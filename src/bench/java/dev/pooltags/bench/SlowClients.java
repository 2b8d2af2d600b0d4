package dev.pooltags.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Clients that connect and then send a request one byte a second, as a slow-loris attacker does, each from its
 * own loopback address (127.0.0.10 and up: Linux routes all of 127.0.0.0/8 to loopback), and connect again when
 * the server drops them. Only loopback is ever targeted.
 */
final class SlowClients implements AutoCloseable {
    private static final byte[] REQUEST = ("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n"
            + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final Socket[] sockets;
    private final int[] sent;
    private final Thread thread;
    private volatile boolean running = true;

    /** Null when this system cannot use other loopback addresses as sources. */
    static SlowClients start(int port, int count) {
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(address(0), 0));
        } catch (IOException e) {
            return null;
        }
        return new SlowClients(port, count);
    }

    private static InetAddress address(int i) throws IOException {
        int n = 10 + i;
        return InetAddress.getByAddress(new byte[] {127, 0, (byte) (n >> 8), (byte) n});
    }

    private SlowClients(int port, int count) {
        this.port = port;
        this.sockets = new Socket[count];
        this.sent = new int[count];
        this.thread = new Thread(this::run, "slow-clients");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (int i = 0; i < sockets.length && running; i++) {
                try {
                    if (sockets[i] == null) {
                        Socket s = new Socket();
                        s.bind(new InetSocketAddress(address(i), 0));
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                        sockets[i] = s;
                        sent[i] = 0;
                    }
                    sockets[i].getOutputStream().write(REQUEST[sent[i]]);
                    sent[i] = Math.min(sent[i] + 1, REQUEST.length - 2); // never the final line end
                } catch (IOException dropped) {
                    closeQuietly(sockets[i]);
                    sockets[i] = null;
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
