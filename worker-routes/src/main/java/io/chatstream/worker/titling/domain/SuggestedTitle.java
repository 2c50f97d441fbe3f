package io.chatstream.worker.titling.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A title the model suggested for a conversation, cleaned to what a sidebar shows: one line, no
 * Markdown, no surrounding quotes or trailing punctuation, at most a given number of code points.
 */
public record SuggestedTitle(String value) {

    private static final Pattern LABEL = Pattern.compile("^(?i:title|标题)\\s*[:：]\\s*");
    private static final Pattern BLOCK_MARKER = Pattern.compile("^(#{1,6}\\s+|>\\s*|[-*+]\\s+|\\d+[.)]\\s+)");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern INLINE_MARKER = Pattern.compile("\\*+|`+|~~|(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])");
    private static final String QUOTES = "\"'“”‘’「」『』《》«»`";
    private static final String TRAILING = ".。!！?？:：;；,，、…-–— ";

    public SuggestedTitle {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a title is never blank");
        }
    }

    /** The title in the model's {@code reply}, cut to {@code maxLength} code points; empty when nothing is left. */
    public static Optional<SuggestedTitle> clean(String reply, int maxLength) {
        if (reply == null || maxLength < 1) {
            return Optional.empty();
        }
        String line = firstLine(reply);
        line = LABEL.matcher(line).replaceFirst("");
        line = BLOCK_MARKER.matcher(line).replaceFirst("");
        line = LINK.matcher(line).replaceAll("$1");
        line = INLINE_MARKER.matcher(line).replaceAll("");
        line = line.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ");
        String title = trim(line);
        if (title.codePointCount(0, title.length()) > maxLength) {
            title = trim(title.substring(0, title.offsetByCodePoints(0, maxLength)));
        }
        return title.isEmpty() ? Optional.empty() : Optional.of(new SuggestedTitle(title));
    }

    private static String firstLine(String reply) {
        for (String line : reply.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** Drops quotes around the title and punctuation after it, repeatedly ("**Title.**" → Title). */
    private static String trim(String s) {
        String t = s.strip();
        int start = 0;
        int end = t.length();
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            if (QUOTES.indexOf(t.charAt(start)) >= 0) {
                start++;
                changed = true;
            }
            if (start < end && (QUOTES.indexOf(t.charAt(end - 1)) >= 0 || TRAILING.indexOf(t.charAt(end - 1)) >= 0)) {
                end--;
                changed = true;
            }
            while (start < end && Character.isWhitespace(t.charAt(start))) {
                start++;
            }
        }
        return t.substring(start, end).strip();
    }
}
