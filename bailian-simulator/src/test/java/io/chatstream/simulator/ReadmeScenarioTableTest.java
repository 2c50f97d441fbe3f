package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeScenarioTableTest {

    @Test
    @DisplayName("every scenario marker the simulator understands is documented in the README table")
    void everyMarkerDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.NORMAL) {
                assertThat(readme).contains("| `[sim:" + outcome.marker());
            }
        }
        assertThat(readme).contains("| `[sim:long]`", "| `[sim:chunks=N]`", "| `[sim:delay=F,C]`", "| `[sim:fail-first=N]`",
                "| `[sim:stamp]`", "| `[sim:think=N]`");
    }

    @Test
    @DisplayName("every error code the markers accept is in the README's table with its status and message")
    void everyErrorCodeDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        for (ErrorCode error : ErrorCode.known().values()) {
            assertThat(readme).contains("| `" + error.code() + "` | " + error.status() + " | " + error.message() + " |");
        }
    }
}
