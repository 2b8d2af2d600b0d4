package dev.pooltags.serve.http;

import com.sun.net.httpserver.Headers;
import java.net.URI;

/**
 * A request line and its header fields, as read off the wire.
 *
 * @param method    the method token, case as sent
 * @param target    the request target as sent
 * @param uri       the target as a URI
 * @param version   {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers   the header fields (names case-insensitive)
 * @param keepAlive whether the connection may stay open after the response
 * @param hasBody   whether the request announced a body ({@code Content-Length} above 0 or
 *                  {@code Transfer-Encoding}); bodies are never read, so the connection closes after the response
 * @param length    bytes the head took on the wire, blank lines before it included
 */
public record RequestHead(String method, String target, URI uri, String version, Headers headers, boolean keepAlive,
        boolean hasBody, int length) {}
