package io.chatstream.query.infrastructure;

/** Ordering of Redis stream ids ("millis-sequence"). */
final class StreamIds {

    static final String START = "0-0";

    private StreamIds() {
    }

    static int compare(String a, String b) {
        int da = a.indexOf('-');
        int db = b.indexOf('-');
        int byMillis = Long.compareUnsigned(Long.parseUnsignedLong(a.substring(0, da)),
                Long.parseUnsignedLong(b.substring(0, db)));
        return byMillis != 0 ? byMillis
                : Long.compareUnsigned(Long.parseUnsignedLong(a.substring(da + 1)), Long.parseUnsignedLong(b.substring(db + 1)));
    }

    /** The millisecond part: when Redis appended the entry. */
    static long millis(String id) {
        int dash = id.indexOf('-');
        return Long.parseUnsignedLong(dash < 0 ? id : id.substring(0, dash));
    }
}
