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

    @Test
    @DisplayName("--scale: one of each by default; instance n on the ports + 100·(n−1); gateways behind nginx from + 100")
    void scale() {
        StackOptions one = StackOptions.parse(new String[] {});
        assertThat(one.scale().frontDoor()).isFalse();
        assertThat(one.port("gateway", StackOptions.GATEWAY, 1)).isEqualTo(8080);

        StackOptions scaled = StackOptions.parse(new String[] {"--scale=gateway=2,command=2,query=2,worker=3"});
        assertThat(scaled.scale().describe()).isEqualTo("command=2, query=2, worker=3, gateway=2");
        assertThat(scaled.scale().frontDoor()).isTrue();
        assertThat(scaled.port("worker", StackOptions.WORKER, 3)).isEqualTo(8282);
        assertThat(scaled.port("command", StackOptions.COMMAND_GRPC, 2)).isEqualTo(9191);
        assertThat(scaled.port("gateway", StackOptions.GATEWAY, 1)).isEqualTo(8180);
        assertThat(scaled.port("gateway", StackOptions.GATEWAY, 2)).isEqualTo(8280);
        assertThat(scaled.listeners()).containsEntry("the front door nginx (--gateway-port)", 8080)
                .containsEntry("worker-3 (--worker-port)", 8282).containsEntry("query-2 (--query-grpc-port)", 9193)
                .hasSize(4 + 2 * 2 + 2 * 2 + 3 + 2 + 1);
        assertThat(Scale.instanceName("worker", 1)).isEqualTo("worker");
        assertThat(Scale.instanceName("worker", 3)).isEqualTo("worker-3");

        assertThat(StackOptions.parse(new String[] {"--scale=2"}).scale().describe())
                .isEqualTo("command=2, query=2, worker=2, gateway=2");
        assertThat(StackOptions.parse(new String[] {"--scale=worker=2"}).scale().describe())
                .isEqualTo("command=1, query=1, worker=2, gateway=1");
    }

    @Test
    @DisplayName("--scale refuses unknown services, counts outside 1..9, and instance ports that collide")
    void scaleRefusals() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--scale=workers=2"}))
                .hasMessageContaining("service=count").hasMessageContaining("worker");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--scale=worker=0"}))
                .hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--scale=worker=ten"}))
                .hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--front-door-send-rate=0"}))
                .hasMessageContaining("front-door-send-rate must be a whole number >= 1");
        assertThat(StackOptions.parse(new String[] {}).frontDoorSendRate()).isEqualTo(5);
        // worker-2 would take 8182, where command-2's HTTP port already is when command moves there.
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--scale=worker=2", "--command-port=8182"}))
                .hasMessageContaining("worker-2 (--worker-port)").hasMessageContaining("a port of its own");
    }
}
