package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last test uses the real gateway jar, which the reactor packages before this module's tests run. */
class ClassDataSharingTest {

    @TempDir
    Path state;

    @Test
    @DisplayName("off: the fat jar as it is, no JVM option")
    void off() {
        Path jar = Path.of("whatever.jar");
        ClassDataSharing.Launch launch = ClassDataSharing.prepare("gateway", jar, state, false);
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    @DisplayName("a jar that cannot be extracted starts as it is, without sharing, instead of failing the start")
    void unusableJar() throws Exception {
        Path jar = Files.writeString(state.resolve("broken.jar"), "not a jar");
        ClassDataSharing.Launch launch = ClassDataSharing.prepare("gateway", jar, state, true);
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
    }

    @Test
    @DisplayName("on: extracted once per build; the first run records the archive, the next maps it; a new build starts over")
    void onePerBuild() throws Exception {
        Path built = RunningStack.projectRoot().resolve("gateway-routes/target/gateway-routes.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(built), "gateway jar built");
        Path jar = Files.copy(built, state.resolve("gateway-routes.jar"));

        ClassDataSharing.Launch first = ClassDataSharing.prepare("gateway", jar, state, true);
        assertThat(first.jar()).isEqualTo(state.resolve("cds/gateway/app/gateway-routes.jar").toAbsolutePath());
        assertThat(first.jar()).isRegularFile();
        Path archive = state.resolve("cds/gateway/classes.jsa").toAbsolutePath();
        assertThat(first.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");
        assertThat(first.stopGrace()).as("room to write the archive at exit").isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(first.jvmOptions()).as("the stop says why it is slow").anyMatch(ClassDataSharing::recordsArchive);

        Files.writeString(archive, "recorded by the first run's exit");
        ClassDataSharing.Launch second = ClassDataSharing.prepare("gateway", jar, state, true);
        assertThat(second.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        assertThat(second.stopGrace()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(second.jvmOptions()).noneMatch(ClassDataSharing::recordsArchive);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        ClassDataSharing.Launch rebuilt = ClassDataSharing.prepare("gateway", jar, state, true);
        assertThat(archive).doesNotExist();
        assertThat(rebuilt.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off");
    }
}
