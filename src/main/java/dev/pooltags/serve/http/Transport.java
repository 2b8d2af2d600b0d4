package dev.pooltags.serve.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A non-blocking connection's bytes, plain or through TLS. Every call returns at once: 0 read or a false write
 * means "wait until the socket is ready again".
 */
interface Transport {
    /** Reads request bytes into {@code dst}: the count, 0 when none are there yet, -1 at the end of the stream. */
    int read(ByteBuffer dst) throws IOException;

    /** Writes as much of {@code srcs} as the socket takes; true when all of it is sent. */
    boolean write(ByteBuffer[] srcs) throws IOException;

    /** True when bytes of the transport's own (a TLS handshake's) wait for the socket to become writable. */
    boolean wantsWrite();

    /** Ends the server's side of the stream (a TLS close_notify, then a FIN); reading stays possible. */
    void finishOutput() throws IOException;

    /** Closes without waiting (a TLS close_notify is sent if the socket takes it at once). */
    void close();
}
