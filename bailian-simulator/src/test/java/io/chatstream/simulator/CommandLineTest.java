package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    @DisplayName("defaults match the documented local-stack values")
    void defaults() {
        assertThat(SimulatorSettings.defaults()).isEqualTo(new SimulatorSettings("127.0.0.1", 18080,
                Duration.ofMillis(150), Duration.ofMillis(30), 24, 1024, Duration.ofMinutes(5)));
    }

    @Test
    @DisplayName("every --key=value option overrides its setting")
    void options() {
        SimulatorSettings settings = CommandLine.parse(new String[] {
            "--port=19000", "--host=0.0.0.0", "--first-token-delay-ms=7", "--chunk-delay-ms=3", "--chunks=9",
            "--max-threads=16", "--max-stall-ms=1000"}, SimulatorSettings.defaults());

        assertThat(settings).isEqualTo(new SimulatorSettings("0.0.0.0", 19000, Duration.ofMillis(7),
                Duration.ofMillis(3), 9, 16, Duration.ofSeconds(1)));
    }

    @Test
    @DisplayName("unknown options and bad numbers are refused")
    void refused() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--colour=red"}, SimulatorSettings.defaults()))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port=x"}, SimulatorSettings.defaults()))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"port=1"}, SimulatorSettings.defaults()))
                .hasMessageContaining("--key=value");
    }
}
