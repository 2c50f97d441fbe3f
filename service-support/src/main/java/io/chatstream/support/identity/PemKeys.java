package io.chatstream.support.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * EC keys from PEM text, as {@code openssl} writes them: a PKCS#8 {@code PRIVATE KEY} for the gateway, an X.509
 * {@code PUBLIC KEY} for the services (docs/deploy.md has the two commands).
 */
public final class PemKeys {

    private PemKeys() {
    }

    public static ECPrivateKey privateKey(String pem, String source) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(body(pem, "PRIVATE KEY", source)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(source + " is not a PKCS#8 EC private key (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    public static ECPublicKey publicKey(String pem, String source) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(body(pem, "PUBLIC KEY", source)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(source + " is not an EC public key (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    /** PEM text of a key, for files a launcher writes. */
    public static String pem(String type, byte[] encoded) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] body(String pem, String type, String source) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(source + " holds no " + begin + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": the " + type + " block is not base64", e);
        }
    }
}
