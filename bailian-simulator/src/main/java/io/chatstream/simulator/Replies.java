package io.chatstream.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Complete (non-streaming) responses with a fixed length. */
final class Replies {

    private Replies() {
    }

    static void error(HttpExchange exchange, int status, String code, String message, String requestId)
            throws IOException {
        json(exchange, status, WireFormat.errorBody(code, message, requestId), requestId);
    }

    static void internalError(HttpExchange exchange, String requestId) throws IOException {
        error(exchange, 500, "InternalError", "An internal error has occured, please try again later.", requestId);
    }

    static void json(HttpExchange exchange, int status, byte[] body, String requestId) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", WireFormat.JSON_TYPE);
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
