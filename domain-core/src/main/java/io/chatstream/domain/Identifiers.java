package io.chatstream.domain;

import java.util.regex.Pattern;

/** The one place that says what a well-formed identifier looks like. */
final class Identifiers {

    /** Request and session ids: URL- and header-safe, long enough to be unguessable when generated. */
    static final Pattern OPAQUE_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    /** User ids come from tokens; kept printable and bounded so they are safe in logs and keys. */
    static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** W3C trace-context trace id. */
    static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private Identifiers() {
    }

    static String require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("malformed " + what);
        }
        return value;
    }

    static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
