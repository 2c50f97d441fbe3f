package io.chatstream.identity.authorization.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the first start makes an RSA 2048 signing key with a kid, in new directories, readable by the owner only")
    void generates() throws Exception {
        Path file = dir.resolve("run/identity/signing-keys.json");

        JWKSet keys = new SigningKeyFile(file).loadOrCreate();

        assertThat(keys.getKeys()).hasSize(1);
        RSAKey key = (RSAKey) keys.getKeys().get(0);
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(file).exists();
        assertThat(JWKSet.parse(Files.readString(file)).getKeyByKeyId(key.getKeyID())).isEqualTo(key);
        assumeThat(file.getFileSystem().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("run/identity")).isDirectory();
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    @DisplayName("a later start reads the same key back (same kid), so earlier tokens still verify")
    void reloads() {
        Path file = dir.resolve("signing-keys.json");
        RSAKey first = (RSAKey) new SigningKeyFile(file).loadOrCreate().getKeys().get(0);

        RSAKey again = (RSAKey) new SigningKeyFile(file).loadOrCreate().getKeys().get(0);

        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again).isEqualTo(first);
    }

    @Test
    @DisplayName("a corrupt key file stops the start with an error that names the file and the setting")
    void corrupt() throws Exception {
        Path file = dir.resolve("signing-keys.json");
        Files.writeString(file, "{\"keys\": [ not json");

        assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("chat.idp.key-file")
                .hasMessageContaining("not a JWK set");
        assertThat(Files.readString(file)).isEqualTo("{\"keys\": [ not json"); // never overwritten
    }

    @Test
    @DisplayName("a key file without a private RSA key is refused as unusable too")
    void publicOnly() throws Exception {
        Path file = dir.resolve("signing-keys.json");
        JWKSet keys = new SigningKeyFile(dir.resolve("other.json")).loadOrCreate();
        Files.writeString(file, keys.toPublicJWKSet().toString());

        assertThatThrownBy(() -> new SigningKeyFile(file).loadOrCreate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("no RSA private key");
    }
}
