package io.chatstream.domain;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A W3C trace id that follows one chat request through every hop. */
public record TraceId(String value) {

    private static final String ALL_ZERO = "0".repeat(32);

    public TraceId {
        Identifiers.require(Identifiers.TRACE_ID, value, "trace id");
        if (ALL_ZERO.equals(value)) {
            throw new IllegalArgumentException("malformed trace id");
        }
    }

    public static TraceId generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high;
        long low;
        do {
            high = random.nextLong();
            low = random.nextLong();
        } while (high == 0 && low == 0);
        return new TraceId(String.format("%016x%016x", high, low));
    }

    /** The given id when well formed, else a fresh one: a caller's bad trace id never fails a request. */
    public static TraceId parseOrGenerate(String raw) {
        return parse(raw).orElseGet(TraceId::generate);
    }

    public static Optional<TraceId> parse(String raw) {
        return Identifiers.matches(Identifiers.TRACE_ID, raw) && !ALL_ZERO.equals(raw)
                ? Optional.of(new TraceId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
