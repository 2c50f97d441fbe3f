package io.chatstream.support.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The secret one service shares with the gateways (ADR 0016): at least 256 random bits, kept as base64 text in a
 * file only the gateways and that service can read ({@code openssl rand -base64 32}). Gateway tokens for the
 * service are HMAC-SHA256 signed with it and name it by {@link #id()}, a digest that does not reveal the secret.
 */
public final class GatewayKey {

    /** HS256 needs a key at least as long as its hash. */
    public static final int MIN_BYTES = 32;
    private static final int ID_CHARS = 16;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final byte[] secret;
    private final String id;

    private GatewayKey(byte[] secret) {
        this.secret = secret.clone();
        this.id = idOf(secret);
    }

    /** The key in {@code text} (base64; white space, e.g. line breaks, ignored); {@code source} names it in errors. */
    public static GatewayKey parse(String text, String source) {
        byte[] secret;
        try {
            // Strict: the MIME decoder would skip any character that is not base64 and take prose for a key.
            secret = Base64.getDecoder().decode(WHITE_SPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 text (make one with: openssl rand -base64 32)", e);
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException(source + " holds " + secret.length + " bytes; a gateway key needs at least "
                    + MIN_BYTES + " (make one with: openssl rand -base64 32)");
        }
        return new GatewayKey(secret);
    }

    /** A new random key, e.g. for the local stack's state dir. */
    public static GatewayKey generate(SecureRandom random) {
        byte[] secret = new byte[MIN_BYTES];
        random.nextBytes(secret);
        return new GatewayKey(secret);
    }

    /** The key as the text {@link #parse} reads, for a file. */
    public String text() {
        return Base64.getEncoder().encodeToString(secret) + "\n";
    }

    /** Names the key in a token's {@code kid}, so a service holding several (a rotation) picks the right one. */
    public String id() {
        return id;
    }

    byte[] secret() {
        return secret.clone();
    }

    /** Whether both are the same secret. */
    public boolean sameSecretAs(GatewayKey other) {
        return MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public String toString() {
        return "GatewayKey[" + id + "]";
    }

    private static String idOf(byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("chatstream gateway key id\n".getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(secret);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12)).substring(0, ID_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
