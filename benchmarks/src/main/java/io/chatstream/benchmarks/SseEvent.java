package io.chatstream.benchmarks;

/**
 * One Server-Sent Event as the client saw it.
 *
 * @param id            the {@code id:} field, or {@code null}
 * @param name          the {@code event:} field, {@code "message"} when absent
 * @param data          the {@code data:} lines joined with newlines, {@code ""} when absent
 * @param comment       true for a comment-only event (a heartbeat)
 * @param receivedMicros wall-clock epoch microseconds of the line that completed it
 */
record SseEvent(String id, String name, String data, boolean comment, long receivedMicros) {
}
