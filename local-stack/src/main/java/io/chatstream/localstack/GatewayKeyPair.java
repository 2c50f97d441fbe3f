package io.chatstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * The gateway's service-identity key pair for this state dir ({@code data/service-identity/}): made on the first
 * run (EC P-256, the private key readable by its owner only), kept for later runs. The gateway signs its calls with
 * the private key; command and query accept calls signed by the public one.
 */
record GatewayKeyPair(Path privateKey, Path publicKey) {

    static GatewayKeyPair in(Path dir) {
        GatewayKeyPair pair = new GatewayKeyPair(dir.resolve("gateway-key.pem"), dir.resolve("gateway-public.pem"));
        if (Files.isRegularFile(pair.privateKey()) && Files.isRegularFile(pair.publicKey())) {
            return pair;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Files.writeString(pair.publicKey(), pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.deleteIfExists(pair.privateKey());
            Files.createFile(pair.privateKey());
            ownerOnly(pair.privateKey());
            Files.writeString(pair.privateKey(), pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway's key pair in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make an EC P-256 key pair", e);
        }
    }

    /** As a Spring resource location. */
    static String location(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
