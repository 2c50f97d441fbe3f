package io.chatstream.support.observability;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking parts of a text: bearer and basic credentials, JWTs, DashScope keys and {@code key=value}
 * secrets become {@value #MASK}. Plain JDK, so it can be measured alone ({@code LogRedactionCost}).
 *
 * <p>Every string of every log line goes through it, and nearly none holds a secret, so the pattern runs only on a
 * text that holds one of the words every match must contain ({@link #CUES}, compared in lower case as the
 * pattern compares ASCII letters): a plain scan instead of trying each alternative at every position.
 */
public final class SecretMask {

    public static final String MASK = "[REDACTED]";

    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(?<keep>bearer\\s+|basic\\s+)[A-Za-z0-9._~+/=-]{8,}"
            + "|eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
            + "|\\bsk-[A-Za-z0-9_-]{6,}"
            + "|(?i)(?<key>(?:api[_-]?key|apikey|password|passwd|secret|jwt[_-]?secret|authorization|x-api-key)"
            + "[\"']?\\s*[=:]\\s*[\"']?(?:bearer\\s+|basic\\s+)?)[^\\s\"',;}&]+");

    /** Every match of {@link #SECRETS} contains one of these, in any case. */
    private static final String[] CUES = {"bearer", "basic", "eyj", "sk-", "key", "pass", "secret", "authorization"};

    private SecretMask() {
    }

    /** The text with every secret-looking part replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        Matcher matcher = SECRETS.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String keep = matcher.group("keep") != null ? matcher.group("keep")
                    : matcher.group("key") != null ? matcher.group("key") : "";
            matcher.appendReplacement(out, Matcher.quoteReplacement(keep + MASK));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    static boolean mayHoldSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String cue : CUES) {
            if (lower.contains(cue)) {
                return true;
            }
        }
        return false;
    }
}
