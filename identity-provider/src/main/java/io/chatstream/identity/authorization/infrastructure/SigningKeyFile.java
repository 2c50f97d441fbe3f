package io.chatstream.identity.authorization.infrastructure;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The signing key set on disk ({@code chat.idp.key-file}), a JWK set with one RSA 2048 key and its private part.
 * Made on the first start, read on every later one, so tokens issued before a restart still verify. Written
 * owner-only where the file system knows POSIX permissions, and atomically, so a crash never leaves half a key.
 */
public final class SigningKeyFile {

    private static final int KEY_SIZE = 2048;

    private final Path file;

    public SigningKeyFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path path() {
        return file;
    }

    /** The key set in the file; made and written first when there is no file. */
    public JWKSet loadOrCreate() {
        if (Files.exists(file)) {
            return load();
        }
        JWKSet created = new JWKSet(generate());
        try {
            write(created);
        } catch (FileAlreadyExistsException e) {
            return load(); // another instance wrote it meanwhile: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key file " + file + " (chat.idp.key-file)", e);
        }
        return created;
    }

    private JWKSet load() {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key file " + file + " (chat.idp.key-file)", e);
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(json);
        } catch (ParseException e) {
            throw unusable("it is not a JWK set (" + e.getMessage() + ")");
        }
        for (JWK key : keys.getKeys()) {
            if (key instanceof RSAKey rsa && rsa.isPrivate() && rsa.getKeyID() != null) {
                return keys;
            }
        }
        throw unusable("it holds no RSA private key with a key id (kid)");
    }

    private IllegalStateException unusable(String why) {
        return new IllegalStateException("The signing key file " + file + " (chat.idp.key-file) is unusable: " + why
                + ". Restore it from a backup, or delete it to make a new key: every token issued so far then stops"
                + " verifying and everyone signs in again.");
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private void write(JWKSet keys) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, keys.toString(false));
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
