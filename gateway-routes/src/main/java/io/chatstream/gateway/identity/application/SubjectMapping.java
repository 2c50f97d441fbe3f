package io.chatstream.gateway.identity.application;

import io.chatstream.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Maps a token's subject to the internal user id every service keys data by. A subject that already is a
 * well-formed user id (1-64 of {@code A-Z a-z 0-9 . _ @ -}) is used as it is, so people keep their
 * conversations when the gateway moves between the development sign-in and the local provider. Any other
 * subject (a provider's URL, UUID with braces, e-mail with '+', anything longer than 64 characters) becomes
 * {@code sub-} and 43 base64url characters of its SHA-256: stable, collision-resistant, and free of
 * characters a log line or key could misread.
 */
public final class SubjectMapping {

    static final String HASHED_PREFIX = "sub-";

    private SubjectMapping() {
    }

    /** Empty only for a missing or blank subject. */
    public static Optional<UserId> userOf(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        Optional<UserId> plain = UserId.parse(subject);
        if (plain.isPresent() && !plain.get().value().startsWith(HASHED_PREFIX)) {
            return plain;
        }
        return UserId.parse(HASHED_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(subject)));
    }

    private static byte[] sha256(String subject) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
