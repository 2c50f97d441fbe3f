package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    @DisplayName("defaults put the gateway on 8080 and state under HOME/.run")
    void defaults() {
        StackOptions options = StackOptions.parse(new String[] {"--home=/tmp/x"});
        assertThat(options.port(StackOptions.GATEWAY)).isEqualTo(8080);
        assertThat(options.stateDir().toString()).isEqualTo("/tmp/x/.run");
        assertThat(options.fresh()).isFalse();
    }

    @Test
    @DisplayName("ports can be moved and unknown options are refused with the usage")
    void overridesAndTypos() {
        assertThat(StackOptions.parse(new String[] {"--gateway-port=9999", "--fresh"}).port(StackOptions.GATEWAY))
                .isEqualTo(9999);
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--gatway-port=1"}))
                .hasMessageContaining("unknown option").hasMessageContaining("Usage");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--kafka-port=70000"}))
                .hasMessageContaining("kafka-port");
    }
}
