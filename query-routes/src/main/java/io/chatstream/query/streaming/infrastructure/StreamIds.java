package io.chatstream.query.streaming.infrastructure;

/** Ordering of Redis stream ids ("millis-sequence") given as text. */
final class StreamIds {

    static final String START = "0-0";

    private StreamIds() {
    }

    static int compare(String a, String b) {
        return StreamId.parse(a).compareTo(StreamId.parse(b));
    }

    /** The millisecond part: when Redis appended the entry. */
    static long millis(String id) {
        return StreamId.parse(id).millis;
    }
}
