package io.chatstream.query.history.domain;

/**
 * The part of a message a search hit shows: at most a given number of characters (code points, so a surrogate pair
 * is never split; cut marks included) around the first occurrence of the search terms, or from the start when
 * they do not occur (a hit by the session's title). Each run of whitespace becomes one space, so a hit reads as
 * one line, and {@link #CUT} marks each end where the message goes on.
 */
public final class Snippet {

    /** Added where the message was cut. */
    public static final String CUT = "…";
    /** The smallest usable length: one character and a cut mark on each side. */
    public static final int MIN_LENGTH = 3;

    private Snippet() {
    }

    /** At most {@code maxLength} characters of {@code message}, cut marks included. */
    public static String of(String message, SearchTerms terms, int maxLength) {
        if (maxLength < MIN_LENGTH) {
            throw new IllegalArgumentException("snippet length below " + MIN_LENGTH + ": " + maxLength);
        }
        int total = message.codePointCount(0, message.length());
        if (total <= maxLength) {
            return oneLine(message);
        }
        int firstChar = terms.firstIn(message);
        int first = firstChar < 0 ? 0 : message.codePointCount(0, firstChar);
        int matched = firstChar < 0 ? 0 : message.codePointCount(firstChar, firstChar + terms.text().length());
        // Room for the text next to one cut mark; the occurrence in the middle, as far as the message allows.
        int room = maxLength - 1;
        int start = Math.max(0, first - Math.max(0, (room - matched) / 2));
        int end = Math.min(total, start + room);
        start = Math.max(0, end - room);
        if (start > 0 && end < total) {
            // Cut at both ends: one character less, taken where it keeps the occurrence whole.
            if (end - 1 >= first + matched) {
                end--;
            } else {
                start++;
            }
        }
        String excerpt = oneLine(message.substring(message.offsetByCodePoints(0, start),
                message.offsetByCodePoints(0, end)));
        return (start > 0 ? CUT : "") + excerpt + (end < total ? CUT : "");
    }

    /** Whitespace runs as one space, none at either end. */
    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
