package dev.pooltags.serve.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * A non-blocking HTTP/1.1 server: one I/O thread accepts, handshakes, reads request heads and writes responses for
 * every connection; {@code workers} threads run the handler on complete requests.
 *
 * <p>What keeps slow and hostile clients from stalling it:
 * <ul>
 *   <li>Accepting never waits: a client over {@link Limits#maxConnectionsPerClient()} open connections, or any
 *       client when {@link Limits#maxConnections()} are open, is disconnected at once (a TCP reset).</li>
 *   <li>A new connection has {@link Limits#headTimeout()} to finish its TLS handshake and send its first request
 *       head; a kept-alive connection has {@link Limits#idleTimeout()} before the next request starts and then
 *       {@link Limits#headTimeout()} to send its head. Over time: 408 if part of a request came, else closed.</li>
 *   <li>A response has {@link Limits#writeTimeout()} to be read by the client, then the connection is closed.</li>
 *   <li>Over-long request targets get 414, header blocks over the byte or field limit 431, as soon as the limit
 *       is passed; malformed heads 400; request bodies are never read (the connection closes after the answer).</li>
 * </ul>
 */
public final class Http1Server implements AutoCloseable {
    /**
     * @param maxConnections          connections open at once, all clients together
     * @param maxConnectionsPerClient connections open at once from one client address ({@link ClientAddress})
     * @param headTimeout             time for a TLS handshake and a request head
     * @param idleTimeout             time a kept-alive connection may wait for its next request
     * @param writeTimeout            time for a client to take a response
     * @param maxTarget               longest request target, characters
     * @param maxHeaderBytes          largest header block, bytes
     * @param maxHeaders              most header fields
     */
    public record Limits(int maxConnections, int maxConnectionsPerClient, Duration headTimeout, Duration idleTimeout,
            Duration writeTimeout, int maxTarget, int maxHeaderBytes, int maxHeaders) {
        public static final Limits DEFAULT = new Limits(512, 16, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 2048, 8192, 64);

        public Limits {
            if (maxConnections < 1 || maxConnectionsPerClient < 1 || maxTarget < 1 || maxHeaderBytes < 1
                    || maxHeaders < 1 || headTimeout.isNegative() || headTimeout.isZero() || idleTimeout.isNegative()
                    || idleTimeout.isZero() || writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        public Limits withTimeouts(Duration head, Duration idle) {
            return new Limits(maxConnections, maxConnectionsPerClient, head, idle, writeTimeout, maxTarget,
                    maxHeaderBytes, maxHeaders);
        }

        public Limits withConnections(int all, int perClient) {
            return new Limits(all, perClient, headTimeout, idleTimeout, writeTimeout, maxTarget, maxHeaderBytes,
                    maxHeaders);
        }
    }

    private static final int FIRST_BUFFER = 4096;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private enum State { READING, HANDLING, WRITING, LINGERING }

    /** After a last answer, unread request bytes are read and dropped this long so the answer is not reset. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Limits limits;
    private final Supplier<SSLEngine> tls;
    private final HttpHandler handler;
    private final Consumer<Headers> commonHeaders;
    private final Consumer<String> log;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final ExecutorService workers;
    private final Thread ioThread;
    private final Queue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final int maxBuffer;
    private volatile boolean running = true;

    /**
     * Binds and starts serving.
     *
     * @param tls           a new server-side engine per connection, or null for plain HTTP
     * @param workers       handler threads
     * @param commonHeaders sets the headers every answer carries, the server's own error answers included
     * @param log           one line per unexpected failure of the server itself
     * @throws java.net.BindException when the address is taken
     */
    public static Http1Server start(InetSocketAddress address, Limits limits, Supplier<SSLEngine> tls, int workers,
            HttpHandler handler, Consumer<Headers> commonHeaders, Consumer<String> log) throws IOException {
        return new Http1Server(address, limits, tls, workers, handler, commonHeaders, log);
    }

    private Http1Server(InetSocketAddress address, Limits limits, Supplier<SSLEngine> tls, int workers,
            HttpHandler handler, Consumer<Headers> commonHeaders, Consumer<String> log) throws IOException {
        this.limits = limits;
        this.tls = tls;
        this.handler = handler;
        this.commonHeaders = commonHeaders;
        this.log = log;
        this.maxBuffer = new RequestHeadParser(limits.maxTarget(), limits.maxHeaderBytes(), limits.maxHeaders())
                .maxRequestLine() + limits.maxHeaderBytes() + 64;
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        try {
            listener.bind(address, 128);
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            listener.close();
            selector.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "pooltags-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ioThread = new Thread(this::loop, "pooltags-http-io");
        ioThread.setDaemon(true);
        ioThread.start();
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the listening socket is closed", e);
        }
    }

    /** Connections refused at accept because of the connection limits. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Connections closed because a head, an idle wait or a response took too long. */
    public long timedOutConnections() {
        return timedOut.get();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            ioThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long lastSweep = System.nanoTime();
        try {
            while (running) {
                selector.select(200);
                Runnable task;
                while ((task = fromWorkers.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) { // NOPMD: one connection's trouble never ends the server
                        log.accept("sending a response failed: " + e);
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isWritable()) {
                            c.onWritable();
                        }
                        if (key.isValid() && key.isReadable()) {
                            c.onReadable();
                        }
                    } catch (RuntimeException e) { // NOPMD: one connection's trouble never ends the server
                        log.accept("connection from " + c.remote.getAddress().getHostAddress() + " failed: " + e);
                        c.close();
                    }
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                if (now - lastSweep >= SWEEP_NANOS) {
                    lastSweep = now;
                    sweep(now);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                log.accept("HTTP server stopped: " + e);
            }
        } finally {
            for (Connection c : new ArrayList<>(connections)) {
                c.close();
            }
            try {
                listener.close();
                selector.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }
    }

    private void accept() throws IOException {
        for (int i = 0; i < 256; i++) {
            SocketChannel ch = listener.accept();
            if (ch == null) {
                return;
            }
            InetSocketAddress remote;
            try {
                remote = (InetSocketAddress) ch.getRemoteAddress();
            } catch (IOException gone) {
                ch.close();
                continue;
            }
            InetAddress client = ClientAddress.key(remote.getAddress());
            if (connections.size() >= limits.maxConnections()
                    || perClient.getOrDefault(client, 0) >= limits.maxConnectionsPerClient()) {
                refused.incrementAndGet();
                try {
                    ch.setOption(StandardSocketOptions.SO_LINGER, 0); // a reset: nothing kept in TIME_WAIT
                    ch.close();
                } catch (IOException ignored) {
                    // it is gone either way
                }
                continue;
            }
            try {
                ch.configureBlocking(false);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Transport t = tls == null ? new PlainTransport(ch) : new TlsTransport(ch, tls.get());
                Connection c = new Connection(ch, t, client, remote, (InetSocketAddress) ch.getLocalAddress());
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                connections.add(c);
                perClient.merge(client, 1, Integer::sum);
            } catch (IOException | RuntimeException e) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // it is gone either way
                }
            }
        }
    }

    private void sweep(long now) {
        for (Connection c : new ArrayList<>(connections)) {
            c.checkTime(now);
        }
    }

    /** One client connection; every field is touched by the I/O thread only. */
    private final class Connection {
        final SocketChannel channel;
        final Transport transport;
        final InetAddress client;
        final InetSocketAddress remote;
        final InetSocketAddress local;
        final RequestHeadParser parser = new RequestHeadParser(limits.maxTarget(), limits.maxHeaderBytes(),
                limits.maxHeaders());
        SelectionKey key;
        ByteBuffer in = ByteBuffer.allocate(FIRST_BUFFER);
        State state = State.READING;
        long requestStart; // when the current request (or the connection) began; 0 while idle between requests
        long idleSince;
        long writeStart;
        ByteBuffer[] out;
        boolean closeAfter;
        boolean closed;

        Connection(SocketChannel channel, Transport transport, InetAddress client, InetSocketAddress remote,
                InetSocketAddress local) {
            this.channel = channel;
            this.transport = transport;
            this.client = client;
            this.remote = remote;
            this.local = local;
            this.requestStart = System.nanoTime();
        }

        void onReadable() {
            if (state == State.LINGERING) {
                linger();
                return;
            }
            if (state != State.READING || closed) {
                return;
            }
            int n;
            try {
                n = transport.read(in);
            } catch (IOException | RuntimeException e) {
                close(); // a reset, a TLS failure (plain HTTP to the TLS port, an untrusting client)
                return;
            }
            if (n < 0) {
                close();
                return;
            }
            if (n > 0 && requestStart == 0) {
                requestStart = System.nanoTime();
            }
            parse();
        }

        void parse() {
            if (in.position() == 0) {
                interest();
                return;
            }
            RequestHead head;
            try {
                head = parser.parse(in.array(), in.position());
            } catch (RequestRefused r) {
                refuse(r.status(), r.getMessage());
                return;
            }
            if (head == null) {
                if (!in.hasRemaining()) {
                    if (in.capacity() >= maxBuffer) {
                        refuse(431, "request head too large");
                        return;
                    }
                    ByteBuffer bigger = ByteBuffer.allocate(Math.min(maxBuffer, in.capacity() * 4));
                    in.flip();
                    bigger.put(in);
                    in = bigger;
                    onReadable(); // the transport may hold more bytes already
                    return;
                }
                interest();
                return;
            }
            in.flip();
            in.position(head.length());
            in.compact();
            parser.reset();
            requestStart = 0;
            state = State.HANDLING;
            key.interestOps(0);
            Http1Exchange ex = new Http1Exchange(head, remote, local, (bytes, close) -> {
                fromWorkers.add(() -> respond(bytes, close));
                selector.wakeup();
            });
            try {
                workers.execute(() -> {
                    try {
                        handler.handle(ex);
                    } catch (Throwable t) { // NOPMD: the handler's failure becomes a 500, not a dead worker
                        log.accept("request " + head.method() + " failed: " + t);
                    } finally {
                        ex.close();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                close();
            }
        }

        /** Answers a head that cannot be served, then closes. */
        void refuse(int status, String message) {
            Headers h = new Headers();
            commonHeaders.accept(h);
            h.set("Content-Type", "text/plain; charset=utf-8");
            byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] headBytes = Http1Exchange.ResponseHead.encode(status, h, String.valueOf(body.length), false,
                    "HTTP/1.1");
            respond(new ByteBuffer[] {ByteBuffer.wrap(headBytes), ByteBuffer.wrap(body)}, true);
        }

        void respond(ByteBuffer[] bytes, boolean close) {
            if (closed) {
                return;
            }
            state = State.WRITING;
            out = bytes;
            closeAfter = close;
            writeStart = System.nanoTime();
            onWritable();
        }

        void onWritable() {
            if (closed) {
                return;
            }
            if (state == State.READING) {
                onReadable(); // a TLS handshake message waited for the socket
                return;
            }
            if (state != State.WRITING) {
                return;
            }
            boolean done;
            try {
                done = transport.write(out);
            } catch (IOException | RuntimeException e) {
                close();
                return;
            }
            if (!done) {
                key.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            out = null;
            if (closeAfter) {
                // the client may still be sending (a body, more requests): closing now with its bytes unread
                // would reset the connection and could destroy the answer before the client reads it
                state = State.LINGERING;
                writeStart = System.nanoTime();
                try {
                    transport.finishOutput();
                } catch (IOException | RuntimeException e) {
                    close();
                    return;
                }
                key.interestOps(SelectionKey.OP_READ);
                linger();
                return;
            }
            state = State.READING;
            idleSince = System.nanoTime();
            requestStart = in.position() > 0 ? idleSince : 0;
            onReadable(); // a pipelined request may be here already
        }

        /** Reads and drops what the client still sends, until it closes too. */
        void linger() {
            ByteBuffer scratch = ByteBuffer.allocate(8192);
            try {
                for (int i = 0; i < 16; i++) {
                    scratch.clear();
                    int n = channel.read(scratch);
                    if (n < 0) {
                        close();
                        return;
                    }
                    if (n == 0) {
                        return;
                    }
                }
            } catch (IOException e) {
                close();
            }
        }

        void interest() {
            if (!closed && state == State.READING && key.isValid()) {
                key.interestOps(SelectionKey.OP_READ | (transport.wantsWrite() ? SelectionKey.OP_WRITE : 0));
            }
        }

        void checkTime(long now) {
            if (closed) {
                return;
            }
            if (state == State.READING) {
                if (requestStart != 0 && now - requestStart > limits.headTimeout().toNanos()) {
                    timedOut.incrementAndGet();
                    if (in.position() > 0) {
                        refuse(408, "request head not received in time");
                    } else {
                        close();
                    }
                } else if (requestStart == 0 && now - idleSince > limits.idleTimeout().toNanos()) {
                    close();
                }
            } else if (state == State.WRITING && now - writeStart > limits.writeTimeout().toNanos()) {
                timedOut.incrementAndGet();
                close();
            } else if (state == State.LINGERING && now - writeStart > LINGER_NANOS) {
                close();
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (key != null) {
                key.cancel();
            }
            transport.close();
            if (connections.remove(this)) {
                perClient.computeIfPresent(client, (k, v) -> v <= 1 ? null : v - 1);
            }
        }
    }
}
