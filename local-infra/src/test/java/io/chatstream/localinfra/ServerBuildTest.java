package io.chatstream.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerBuildTest {

    private static final Optional<Path> INSTALLED = Optional.of(Path.of("/usr/bin/redis-server"));

    @TempDir
    Path dir;

    @Test
    @DisplayName("a new data directory takes PATH's build when there is one, else the embedded one")
    void firstStart() {
        assertThat(ServerBuild.choose("Redis", dir.resolve("a"), INSTALLED)).isEqualTo(ServerBuild.PATH);
        assertThat(ServerBuild.choose("Redis", dir.resolve("b"), Optional.empty())).isEqualTo(ServerBuild.EMBEDDED);
    }

    @Test
    @DisplayName("data written by the embedded build stays with it after the package is installed")
    void embeddedDataStaysEmbedded() {
        ServerBuild.choose("Redis", dir, Optional.empty());
        assertThat(ServerBuild.choose("Redis", dir, INSTALLED)).isEqualTo(ServerBuild.EMBEDDED);
    }

    @Test
    @DisplayName("data written by PATH's build, whose package is gone, is refused with what to do, not read by an older server")
    void pathDataWithoutThePackage() {
        ServerBuild.choose("Redis", dir, INSTALLED);
        assertThatThrownBy(() -> ServerBuild.choose("Redis", dir, Optional.empty()))
                .isInstanceOf(UnusableStateException.class)
                .hasMessageContaining("install it again").hasMessageContaining("--fresh");
    }

    @Test
    @DisplayName("an unreadable record of the build is an actionable error")
    void unreadableMarker() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("server-build"), "SOMETHING_ELSE");
        assertThatThrownBy(() -> ServerBuild.choose("Redis", dir, INSTALLED))
                .isInstanceOf(UnusableStateException.class).hasMessageContaining("server-build");
    }
}
