package io.chatstream.worker.deadletters.application;

import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.time.Duration;
import java.time.Instant;

/**
 * Which dead letters an operator means: by failure code and/or age. A null part matches everything.
 *
 * @param olderThan only dead letters at least this old
 * @param newerThan only dead letters younger than this
 */
public record DeadLetterFilter(String errorCode, Duration olderThan, Duration newerThan) {

    public static final DeadLetterFilter ANY = new DeadLetterFilter(null, null, null);

    public boolean matches(DeadLetter letter, Instant now) {
        Duration age = letter.age(now);
        return (errorCode == null || errorCode.equals(letter.errorCode()))
                && (olderThan == null || age.compareTo(olderThan) >= 0)
                && (newerThan == null || age.compareTo(newerThan) < 0);
    }

    public boolean isEmpty() {
        return errorCode == null && olderThan == null && newerThan == null;
    }

    /** For audit records and logs. */
    public String describe() {
        return "error_code=" + (errorCode == null ? "*" : errorCode)
                + " older_than=" + (olderThan == null ? "-" : olderThan)
                + " newer_than=" + (newerThan == null ? "-" : newerThan);
    }
}
