package io.chatstream.benchmarks;

import java.util.function.Consumer;

/**
 * Turns SSE lines into events (the WHATWG rules the client needs: fields, comments, the blank line
 * that dispatches). A comment-only block is reported as a heartbeat, because the gateway's heartbeats
 * and the simulator's {@code :HTTP_STATUS/200} are comments.
 */
final class SseParser {

    private final Consumer<SseEvent> sink;
    private String id;
    private String name;
    private StringBuilder data;
    private boolean sawComment;

    SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    void line(String line, long receivedMicros) {
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            dispatch(receivedMicros);
            return;
        }
        if (line.startsWith(":")) {
            sawComment = true;
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {
                // retry and unknown fields carry nothing the benchmark measures
            }
        }
    }

    private void dispatch(long receivedMicros) {
        if (data != null || name != null || id != null) {
            sink.accept(new SseEvent(id, name == null ? "message" : name, data == null ? "" : data.toString(),
                    false, receivedMicros));
        } else if (sawComment) {
            sink.accept(new SseEvent(null, "comment", "", true, receivedMicros));
        }
        id = null;
        name = null;
        data = null;
        sawComment = false;
    }
}
