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
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--query-port=19092"}))
                .hasMessageContaining("--query-port").hasMessageContaining("--kafka-port")
                .hasMessageContaining("a port of its own");
    }

    @Test
    @DisplayName("supervision is on by default and can be switched off; a bad value is refused")
    void restartSwitch() {
        assertThat(StackOptions.parse(new String[] {}).restart()).isTrue();
        assertThat(StackOptions.parse(new String[] {}).restartBackoffMs()).isEqualTo(1000);
        assertThat(StackOptions.parse(new String[] {"--restart=off"}).restart()).isFalse();
        assertThat(StackOptions.parse(new String[] {"--restart=on", "--restart-backoff-ms=50"}).restartBackoffMs())
                .isEqualTo(50);
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--restart=maybe"}))
                .hasMessageContaining("restart must be on or off");
    }

    @Test
    @DisplayName("class data sharing is on by default and can be switched off; a bad value is refused")
    void classDataSharingSwitch() {
        assertThat(StackOptions.parse(new String[] {}).classDataSharing()).isTrue();
        assertThat(StackOptions.parse(new String[] {"--cds=off"}).classDataSharing()).isFalse();
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--cds=fast"}))
                .hasMessageContaining("cds must be on or off");
    }

    @Test
    @DisplayName("the read-model rebuild runs only when asked for")
    void rebuildReadModel() {
        assertThat(StackOptions.parse(new String[] {}).rebuildReadModel()).isFalse();
        assertThat(StackOptions.parse(new String[] {"--rebuild-read-model"}).rebuildReadModel()).isTrue();
    }

    @Test
    @DisplayName("the gateway gets the common JVM options and then its own, so its larger heap limit wins")
    void gatewayJvmOptions() {
        StackOptions defaults = StackOptions.parse(new String[] {});
        assertThat(defaults.jvmOptions("worker")).containsExactly("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");
        assertThat(defaults.jvmOptions("gateway")).containsExactly("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Xmx1536m");
        StackOptions given = StackOptions.parse(new String[] {"--service-jvm-opts=-Xmx256m", "--gateway-jvm-opts="});
        assertThat(given.jvmOptions("gateway")).containsExactly("-Xmx256m");
    }
}
