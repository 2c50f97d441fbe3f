package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrpcTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("a setting becomes the channel's target: DNS for host:port, the static list for several")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1:9091                       | dns:///127.0.0.1:9091",
            "command:9091                         | dns:///command:9091",
            "' command:9091 '                     | dns:///command:9091",
            "[::1]:9091                           | dns:///%5B::1%5D:9091",
            "127.0.0.1:9091,127.0.0.1:9191        | static:///127.0.0.1:9091,127.0.0.1:9191",
            "'command-1:9091, command-2:9091'     | static:///command-1:9091,command-2:9091",
            "static:///127.0.0.1:9091             | static:///127.0.0.1:9091",
            "[::1]:9091,127.0.0.1:9091            | static:///%5B::1%5D:9091,127.0.0.1:9091",
            "dns:///command-headless:9091         | dns:///command-headless:9091",
            "unix:///run/command.sock             | unix:///run/command.sock"})
    void accepted(String setting, String channelTarget) {
        assertThat(GrpcTarget.parse("chat.command.grpc-target", setting).channelTarget()).isEqualTo(channelTarget);
    }

    @ParameterizedTest(name = "''{0}''")
    @DisplayName("a bad target fails with a message that names the setting and the value")
    @ValueSource(strings = {"", " ", "command", "command:", ":9091", "command:http", "command:0", "command:65536",
            "127.0.0.1:9091,", ",127.0.0.1:9091", "127.0.0.1:9091,,127.0.0.1:9191", "::1:9091", "[::1]9091",
            "static:127.0.0.1:9091", "static:///", "foo:///command:9091", "http://command:9091", "com mand:9091"})
    void refused(String setting) {
        assertThatThrownBy(() -> GrpcTarget.parse("chat.command.grpc-target", setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("chat.command.grpc-target='" + setting.strip() + "' is not a gRPC target: ")
                .hasMessageContaining("Expected host:port, a comma-separated list");
    }

    @Test
    @DisplayName("the message says what is wrong")
    void reasons() {
        assertThatThrownBy(() -> GrpcTarget.parse("chat.query.grpc-target", "query")).hasMessageContaining("'query' has no port");
        assertThatThrownBy(() -> GrpcTarget.parse("chat.query.grpc-target", "a:1,b")).hasMessageContaining("'b' has no port");
        assertThatThrownBy(() -> GrpcTarget.parse("chat.query.grpc-target", "a:1,")).hasMessageContaining("an entry is empty");
        assertThatThrownBy(() -> GrpcTarget.parse("chat.query.grpc-target", "foo:///a:1"))
                .hasMessageContaining("no name resolver for the scheme 'foo'");
    }
}
