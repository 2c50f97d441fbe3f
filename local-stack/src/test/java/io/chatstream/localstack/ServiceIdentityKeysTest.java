package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceIdentityKeysTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the first run makes two different 256-bit keys, owner-only; a later run keeps them")
    void madeOnceThenKept() throws Exception {
        ServiceIdentityKeys first = ServiceIdentityKeys.in(dir.resolve("service-identity"));
        String command = Files.readString(first.commandKey());
        String query = Files.readString(first.queryKey());

        assertThat(Base64.getDecoder().decode(command.strip())).hasSize(32);
        assertThat(Base64.getDecoder().decode(query.strip())).hasSize(32);
        assertThat(command).isNotEqualTo(query);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.commandKey()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.queryKey()))).isEqualTo("rw-------");

        ServiceIdentityKeys second = ServiceIdentityKeys.in(dir.resolve("service-identity"));
        assertThat(Files.readString(second.commandKey())).isEqualTo(command);
        assertThat(Files.readString(second.queryKey())).isEqualTo(query);
    }

    @Test
    @DisplayName("a state dir of an earlier version (an ES256 key pair) gets the keys beside it")
    void earlierStateDir() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("service-identity"));
        Files.writeString(keys.resolve("gateway-key.pem"), "-----BEGIN PRIVATE KEY-----\n...");
        Files.writeString(keys.resolve("query.key"), "");

        ServiceIdentityKeys made = ServiceIdentityKeys.in(keys);

        assertThat(Base64.getDecoder().decode(Files.readString(made.commandKey()).strip())).hasSize(32);
        assertThat(Base64.getDecoder().decode(Files.readString(made.queryKey()).strip())).as("an empty file is made again")
                .hasSize(32);
    }
}
