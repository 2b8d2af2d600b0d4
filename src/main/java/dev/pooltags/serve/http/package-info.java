/**
 * The HTTP/1.1 server {@code pooltags serve} runs on: a small, read-only server built for being scraped and for
 * standing up to slow or hostile clients.
 *
 * <p>One I/O thread owns every socket ({@link dev.pooltags.serve.http.Http1Server}): it accepts (refusing clients
 * over the connection limits at once), runs TLS handshakes ({@link dev.pooltags.serve.http.TlsTransport}), reads
 * request heads ({@link dev.pooltags.serve.http.RequestHeadParser}) and writes responses, all without blocking.
 * Worker threads only ever see complete requests ({@link dev.pooltags.serve.http.Http1Exchange}) and hand back
 * complete responses: a client that sends or reads slowly holds a connection, never a worker, and loses the
 * connection when its time is up. Why not the JDK's {@code com.sun.net.httpserver} server: it reads each request
 * on a worker thread, so four clients sending a byte every few seconds stall four workers; and its parser resets
 * over-long or odd requests instead of answering them.
 */
package dev.pooltags.serve.http;
