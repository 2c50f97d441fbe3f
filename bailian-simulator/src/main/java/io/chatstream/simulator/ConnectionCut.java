package io.chatstream.simulator;

/**
 * Thrown out of the HTTP handler on purpose: the JDK HttpServer then closes the socket without
 * writing the terminating zero-length chunk, so the client sees a truncated stream (EOF).
 */
final class ConnectionCut extends RuntimeException {

    ConnectionCut(String reason) {
        super(reason, null, false, false);
    }
}
