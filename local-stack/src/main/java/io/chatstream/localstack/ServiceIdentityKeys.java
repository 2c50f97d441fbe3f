package io.chatstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The gateway keys of this state dir ({@code data/service-identity/}, ADR 0016): one secret the gateways share
 * with the command service and another they share with the query service, 256 random bits each as base64 text,
 * readable by their owner only. Made on the first run, kept for later ones; a missing file is made again.
 */
record ServiceIdentityKeys(Path commandKey, Path queryKey) {

    private static final int KEY_BYTES = 32;

    static ServiceIdentityKeys in(Path dir) {
        ServiceIdentityKeys keys = new ServiceIdentityKeys(dir.resolve("command.key"), dir.resolve("query.key"));
        try {
            Files.createDirectories(dir);
            SecureRandom random = new SecureRandom();
            writeUnlessPresent(keys.commandKey(), random);
            writeUnlessPresent(keys.queryKey(), random);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway keys in " + dir, e);
        }
    }

    /** As a Spring resource location. */
    static String location(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static void writeUnlessPresent(Path file, SecureRandom random) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            return;
        }
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        Files.deleteIfExists(file);
        Files.createFile(file);
        ownerOnly(file);
        Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }
}
