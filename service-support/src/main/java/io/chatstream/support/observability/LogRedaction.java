package io.chatstream.support.observability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Last line of defence for the JSON logs (logging.structured.json.customizer): whatever a library
 * or an exception message lets slip, bearer tokens, JWTs, DashScope keys and {@code key=value}
 * secrets are masked in every string member before the line is written.
 */
public class LogRedaction implements StructuredLoggingJsonMembersCustomizer<Object> {

    static final String MASK = "[REDACTED]";

    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(?<keep>bearer\\s+|basic\\s+)[A-Za-z0-9._~+/=-]{8,}"
            + "|eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
            + "|\\bsk-[A-Za-z0-9_-]{6,}"
            + "|(?i)(?<key>(?:api[_-]?key|apikey|password|passwd|secret|jwt[_-]?secret|authorization|x-api-key)"
            + "[\"']?\\s*[=:]\\s*[\"']?(?:bearer\\s+|basic\\s+)?)[^\\s\"',;}&]+");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, LogRedaction::redact));
    }

    /** The text with every secret-looking part replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
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
}
