package io.chatstream.simulator;

/** What a request ends in, chosen by at most one outcome marker in the last user message. */
enum Outcome {
    NORMAL("normal"),
    THROTTLE("throttle"),
    ERROR_500("error500"),
    ERROR_MID("error-mid"),
    BAD_REQUEST("bad-request"),
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
