package io.chatstream.gateway.api.interfaces.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raw query string the way the container cannot be asked to: Tomcat silently drops a parameter
 * whose percent-encoding is malformed ({@code cursor=%%%} becomes "no cursor": the first page, a 200),
 * Camel's platform-http rewrites CR and LF in a parameter to {@code _} (so {@code cursor=a%0Ab} arrives as
 * {@code a_b}), and Spring MVC joins a repeated parameter with commas while Camel makes it a list.
 */
final class QueryStrings {

    /** Parameter names safe to repeat in an error message (and a log line). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,40}");

    private QueryStrings() {
    }

    /**
     * Why the query string is unacceptable, if it is: a {@code %} not followed by two hex digits, a
     * character outside ASCII, bytes that are not UTF-8 once decoded, a control character (no parameter is
     * allowed one, and CR/LF would not even arrive unchanged), or (unless {@code repeatsAllowed}) a parameter
     * name that appears twice. Empty when it is fine or absent.
     */
    static Optional<String> problem(String rawQuery, boolean repeatsAllowed) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.isEmpty()) {
                return Optional.of("a parameter name is not well-formed percent-encoded UTF-8");
            }
            if (hasControl(name.get())) {
                return Optional.of("a parameter name contains a control character");
            }
            Optional<String> value = eq < 0 ? Optional.of("") : decode(pair.substring(eq + 1));
            if (value.isEmpty()) {
                return Optional.of("the value of " + describe(name.get()) + " is not well-formed percent-encoded UTF-8");
            }
            if (hasControl(value.get())) {
                return Optional.of("the value of " + describe(name.get()) + " contains a control character");
            }
            if (!repeatsAllowed && !names.add(name.get())) {
                return Optional.of(describe(name.get()) + " appears more than once");
            }
        }
        return Optional.empty();
    }

    /** application/x-www-form-urlencoded decoding that fails instead of guessing. */
    static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // A URI is ASCII (RFC 3986); anything else had to be percent-encoded.
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String describe(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "parameter '" + name + "'" : "a parameter";
    }
}
