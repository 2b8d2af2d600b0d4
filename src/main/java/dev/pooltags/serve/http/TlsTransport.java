package dev.pooltags.serve.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS over a non-blocking socket with an {@link SSLEngine}: the handshake advances as bytes arrive, inside
 * {@link #read}, so a client that sends half a ClientHello and stops holds a connection, not a thread. The
 * engine's delegated tasks (key exchange and signature, well under a millisecond to a few) run on the calling
 * thread.
 */
final class TlsTransport implements Transport {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SocketChannel channel;
    private final SSLEngine engine;
    private ByteBuffer netIn; // received, not yet unwrapped (fill mode)
    private ByteBuffer netOut; // wrapped, not yet sent (fill mode)
    private ByteBuffer appIn; // unwrapped, not yet handed out (fill mode)

    TlsTransport(SocketChannel channel, SSLEngine engine) throws SSLException {
        this.channel = channel;
        this.engine = engine;
        netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        while (true) {
            if (appIn.position() > 0) {
                return drain(dst);
            }
            if (!flush()) {
                return 0;
            }
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP) {
                wrap(NOTHING);
                continue;
            }
            netIn.flip();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                netIn.compact();
            }
            switch (r.getStatus()) {
                case OK -> {
                    if (r.bytesConsumed() > 0 || r.bytesProduced() > 0 || r.getHandshakeStatus() != hs) {
                        continue;
                    }
                }
                case BUFFER_OVERFLOW -> {
                    appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    continue;
                }
                case CLOSED -> {
                    return -1; // the client's close_notify
                }
                case BUFFER_UNDERFLOW -> {
                    if (!netIn.hasRemaining()) {
                        netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                    }
                }
            }
            int n = channel.read(netIn);
            if (n < 0) {
                return -1;
            }
            if (n == 0) {
                return 0;
            }
        }
    }

    private int drain(ByteBuffer dst) {
        appIn.flip();
        int n = Math.min(appIn.remaining(), dst.remaining());
        ByteBuffer part = appIn.slice(appIn.position(), n);
        dst.put(part);
        appIn.position(appIn.position() + n);
        appIn.compact();
        return n;
    }

    @Override
    public boolean write(ByteBuffer[] srcs) throws IOException {
        while (true) {
            if (!flush()) {
                return false;
            }
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (!remaining(srcs) && hs != HandshakeStatus.NEED_WRAP) {
                return true;
            }
            if (hs == HandshakeStatus.NEED_UNWRAP) {
                // a renegotiation started in the middle of a response (refused by the server's settings; TLS 1.3
                // has none): nothing sensible to do but close
                throw new SSLException("handshake requested while a response was being sent");
            }
            SSLEngineResult r = wrap(srcs);
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("the TLS session is closed");
            }
        }
    }

    private SSLEngineResult wrap(ByteBuffer[] srcs) throws IOException {
        while (true) {
            SSLEngineResult r = engine.wrap(srcs, netOut);
            if (r.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return r;
            }
            if (netOut.position() > 0) {
                if (!flush()) {
                    return r; // the caller sees wantsWrite() and comes back when the socket is writable
                }
            } else {
                netOut = grow(netOut, engine.getSession().getPacketBufferSize());
            }
        }
    }

    /** Sends what was wrapped; true when nothing is left. */
    private boolean flush() throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            channel.write(netOut);
        } finally {
            netOut.compact();
        }
        return netOut.position() == 0;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    @Override
    public boolean wantsWrite() {
        return netOut.position() > 0;
    }

    @Override
    public void finishOutput() throws IOException {
        engine.closeOutbound();
        wrap(NOTHING);
        flush(); // best effort: a client that does not read gets no close_notify
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            engine.closeOutbound();
            wrap(NOTHING);
            flush();
        } catch (IOException | RuntimeException ignored) {
            // the close_notify is a courtesy: the socket closes either way
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do with this socket
        }
    }

    private static ByteBuffer grow(ByteBuffer b, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, b.capacity() * 2));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    static boolean remaining(ByteBuffer[] srcs) {
        for (ByteBuffer b : srcs) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
