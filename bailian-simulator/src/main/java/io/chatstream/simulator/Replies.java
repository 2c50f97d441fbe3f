package io.chatstream.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Complete responses with a fixed length: JSON bodies, SSE-framed errors, a proxy's HTML page. */
final class Replies {

    private Replies() {
    }

    static void error(HttpExchange exchange, int status, String code, String message, String requestId)
            throws IOException {
        json(exchange, status, WireFormat.errorBody(code, message, requestId), requestId);
    }

    static void error(HttpExchange exchange, ErrorCode error, String requestId) throws IOException {
        error(exchange, error.status(), error.code(), error.message(), requestId);
    }

    static void internalError(HttpExchange exchange, String requestId) throws IOException {
        error(exchange, ErrorCode.INTERNAL_ERROR, requestId);
    }

    /** The error as one SSE {@code event:error} frame with the error's status: how DashScope fails a streaming request. */
    static void sseError(HttpExchange exchange, ErrorCode error, String requestId) throws IOException {
        send(exchange, error.status(), WireFormat.EVENT_STREAM, WireFormat.errorEvent(1, error, requestId), requestId);
    }

    /** A front proxy's HTML error page: what a client sees when a gateway in front of the service fails. */
    static void proxyError(HttpExchange exchange, int status, String reason) throws IOException {
        send(exchange, status, WireFormat.HTML_TYPE, WireFormat.proxyErrorPage(status, reason), null);
    }

    static void json(HttpExchange exchange, int status, byte[] body, String requestId) throws IOException {
        send(exchange, status, WireFormat.JSON_TYPE, body, requestId);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, String requestId)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
