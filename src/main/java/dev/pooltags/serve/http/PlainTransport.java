package dev.pooltags.serve.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** HTTP without TLS: the socket's bytes as they are. */
final class PlainTransport implements Transport {
    private final SocketChannel channel;

    PlainTransport(SocketChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return channel.read(dst);
    }

    @Override
    public boolean write(ByteBuffer[] srcs) throws IOException {
        while (TlsTransport.remaining(srcs)) {
            if (channel.write(srcs) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean wantsWrite() {
        return false;
    }

    @Override
    public void finishOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing: nothing more to do with this socket
        }
    }
}
