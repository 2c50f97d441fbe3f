package io.chatstream.query.streaming.infrastructure;

/**
 * A Redis stream id ("millis-sequence") parsed once: comparisons on the reader's hot path are two long
 * comparisons, and the original text is kept for the next XREAD.
 */
final class StreamId implements Comparable<StreamId> {

    static final StreamId START = new StreamId(0, 0, "0-0");

    final long millis;
    final long sequence;
    private final String text;

    private StreamId(long millis, long sequence, String text) {
        this.millis = millis;
        this.sequence = sequence;
        this.text = text;
    }

    /** Redis ids are unsigned 64-bit parts; a missing sequence means 0, as Redis reads it. */
    static StreamId parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new StreamId(Long.parseUnsignedLong(id), 0, id);
        }
        return new StreamId(Long.parseUnsignedLong(id, 0, dash, 10),
                Long.parseUnsignedLong(id, dash + 1, id.length(), 10), id);
    }

    boolean isAfter(StreamId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(StreamId o) {
        int byMillis = Long.compareUnsigned(millis, o.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, o.sequence);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamId other && millis == other.millis && sequence == other.sequence;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(millis) * 31 + Long.hashCode(sequence);
    }

    @Override
    public String toString() {
        return text;
    }
}
