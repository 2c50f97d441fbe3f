package io.chatstream.simulator;

/** What a request ends in, chosen by at most one outcome marker in the last user message. */
enum Outcome {
    NORMAL("normal"),
    THROTTLE("throttle"),
    ERROR_500("error500"),
    /** {@code [sim:error=CODE]}: the code's status and JSON error body. */
    ERROR("error"),
    /** {@code [sim:error-sse=CODE]}: the code's status with the error body framed as one SSE error event. */
    ERROR_SSE("error-sse"),
    /** {@code [sim:error-mid]} / {@code [sim:error-mid=CODE]}: 200, three deltas, then an {@code event:error}. */
    ERROR_MID("error-mid"),
    BAD_REQUEST("bad-request"),
    /** {@code [sim:html502]}: a proxy's 502 HTML page instead of the service. */
    HTML_502("html502"),
    /** {@code [sim:plain200]}: the whole answer as one JSON body although SSE was asked for. */
    PLAIN_200("plain200"),
    CUT("cut"),
    STALL("stall"),
    COUNT("count"),
    ECHO("echo");

    private final String marker;

    Outcome(String marker) {
        this.marker = marker;
    }

    String marker() {
        return marker;
    }

    static Outcome ofMarker(String name) {
        for (Outcome outcome : values()) {
            if (outcome != NORMAL && outcome.marker.equals(name)) {
                return outcome;
            }
        }
        return null;
    }
}
