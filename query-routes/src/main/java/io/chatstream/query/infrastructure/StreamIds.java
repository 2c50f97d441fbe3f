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
}
