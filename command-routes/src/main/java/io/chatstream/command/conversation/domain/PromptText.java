package io.chatstream.command.conversation.domain;

import java.util.Objects;

/** What a person typed, checked once at the edge of the domain so every turn holds well-formed text. */
public final class PromptText {

    private final String value;

    private PromptText(String value) {
        this.value = value;
    }

    /** Why a raw text is not a prompt. */
    public enum Violation { EMPTY, INVALID, TOO_LARGE }

    /** The outcome of reading a raw text: a prompt, or the reason it is none. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(PromptText text) implements Parsed {
    }

    public record Invalid(Violation violation) implements Parsed {
    }

    /**
     * Reads {@code raw}: it must hold something besides white space, no NUL, only paired
     * surrogates (well-formed UTF-16), and at most {@code maxChars} code points once trimmed.
     */
    public static Parsed parse(String raw, int maxChars) {
        if (raw == null || raw.strip().isEmpty()) {
            return new Invalid(Violation.EMPTY);
        }
        String text = raw.strip();
        if (!wellFormed(text)) {
            return new Invalid(Violation.INVALID);
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            return new Invalid(Violation.TOO_LARGE);
        }
        return new Valid(new PromptText(text));
    }

    /** Rebuilds a prompt already accepted once (read back from storage). */
    public static PromptText restore(String stored) {
        return new PromptText(Objects.requireNonNull(stored));
    }

    private static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    public String value() {
        return value;
    }

    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PromptText other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
