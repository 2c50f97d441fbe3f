package io.chatstream.query.history.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What the caller searches their messages for: the query as typed, stripped of surrounding whitespace, one or more
 * characters (code points). It is found as a plain substring: letters that have case match either case, every
 * other character (Chinese included) only itself, and no character has a special meaning.
 */
public record SearchTerms(String text) {

    public SearchTerms {
        if (text == null || text.isEmpty() || !text.equals(text.strip())) {
            throw new IllegalArgumentException("search terms must be stripped and not empty");
        }
    }

    /** Empty when {@code raw} is blank once stripped or longer than {@code maxLength} characters. */
    public static Optional<SearchTerms> parse(String raw, int maxLength) {
        if (raw == null) {
            return Optional.empty();
        }
        String stripped = raw.strip();
        int length = stripped.codePointCount(0, stripped.length());
        return length >= 1 && length <= maxLength ? Optional.of(new SearchTerms(stripped)) : Optional.empty();
    }

    /**
     * Where the terms first occur in {@code message}, ignoring case (a char index), or -1. Both sides are lower-cased
     * as the database does it; in the rare case that lower-casing changes a text's length (a dotted capital I), the
     * comparison goes char by char instead, so the index always points into {@code message}.
     */
    public int firstIn(String message) {
        String lowerMessage = message.toLowerCase(Locale.ROOT);
        String lowerTerms = text.toLowerCase(Locale.ROOT);
        if (lowerMessage.length() == message.length() && lowerTerms.length() == text.length()) {
            return lowerMessage.indexOf(lowerTerms);
        }
        for (int at = 0; at <= message.length() - text.length(); at++) {
            if (message.regionMatches(true, at, text, 0, text.length())) {
                return at;
            }
        }
        return -1;
    }
}
