package io.chatstream.worker.deadletters.interfaces;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of ops API inputs; anything malformed is a {@link BadInput} (400), never a 500. */
final class OpsInput {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private OpsInput() {
    }

    /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT15M}); null when absent. */
    static Duration duration(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Matcher m = SHORT.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(v);
            if (d.isNegative()) {
                throw new BadInput(field + " must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new BadInput(field + " must be a duration such as 30m, 2h, 7d or PT30M");
        }
    }

    static int limit(String field, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > max) {
                throw new BadInput(field + " must be between 1 and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(field + " must be a whole number between 1 and " + max);
        }
    }

    static String code(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 100 || !v.matches("[A-Za-z0-9_.\\-]+")) {
            throw new BadInput(field + " must be an error code such as InternalError or TIMEOUT");
        }
        return v;
    }

    /** A request the caller must fix. */
    static final class BadInput extends RuntimeException {

        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
