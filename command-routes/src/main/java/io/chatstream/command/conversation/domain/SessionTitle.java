package io.chatstream.command.conversation.domain;

import java.util.Optional;

/**
 * A title the owner chose for a session: trimmed, 1 to {@value #MAX_CODE_POINTS} code points,
 * no control characters (a title is one line in a list) and well-formed UTF-16.
 */
public record SessionTitle(String value) {

    public static final int MAX_CODE_POINTS = 120;

    public SessionTitle {
        if (value == null || !value.equals(value.strip()) || !acceptable(value)) {
            throw new IllegalArgumentException("not a valid session title");
        }
    }

    /** The title for {@code raw} (trimmed), or empty when it breaks a rule. */
    public static Optional<SessionTitle> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        return acceptable(trimmed) ? Optional.of(new SessionTitle(trimmed)) : Optional.empty();
    }

    private static boolean acceptable(String s) {
        int length = s.codePointCount(0, s.length());
        return length >= 1 && length <= MAX_CODE_POINTS && wellFormed(s);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
