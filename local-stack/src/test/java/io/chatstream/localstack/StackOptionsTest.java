package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The launcher's options as {@link StackCommand} reads them into {@link StackOptions}. */
class StackOptionsTest {

    @Test
    @DisplayName("defaults put the gateway on 8080 and state under HOME/.run")
    void defaults() {
        StackOptions options = StackCommand.parse(new String[] {"--home=/tmp/x"});
        assertThat(options.port(StackOptions.GATEWAY)).isEqualTo(8080);
        assertThat(options.stateDir().toString()).isEqualTo("/tmp/x/.run");
        assertThat(options.fresh()).isFalse();
    }

    @Test
    @DisplayName("without options every setting has its documented default")
    void everyDefault() {
        StackOptions o = StackCommand.parse();
        Path home = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        assertThat(o.home()).isEqualTo(home);
        assertThat(o.stateDir()).isEqualTo(home.resolve(".run"));
        assertThat(o.fresh()).isFalse();
        assertThat(o.embedded()).isFalse();
        assertThat(o.model()).isEqualTo("qwen-plus");
        assertThat(o.serviceJvmOptions()).containsExactly("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");
        assertThat(o.gatewayJvmOptions()).containsExactly("-Xmx1536m");
        assertThat(o.simulatorFirstTokenMs()).isEqualTo(150);
        assertThat(o.simulatorChunkMs()).isEqualTo(30);
        assertThat(o.simulatorChunks()).isEqualTo(24);
        assertThat(o.restart()).isTrue();
        assertThat(o.restartBackoffMs()).isEqualTo(1000);
        assertThat(o.readyTimeoutSeconds()).isEqualTo(240);
        assertThat(o.classDataSharing()).isTrue();
        assertThat(o.scale()).isEqualTo(Scale.ONE_OF_EACH);
        assertThat(o.frontDoorSendRate()).isEqualTo(5);
        assertThat(o.rebuildReadModel()).isFalse();
        assertThat(o.ports()).hasSize(11).containsEntry(StackOptions.IDENTITY, 8090).containsAllEntriesOf(Map.of(
                StackOptions.GATEWAY, 8080, StackOptions.COMMAND, 8081, StackOptions.COMMAND_GRPC, 9091,
                StackOptions.WORKER, 8082, StackOptions.QUERY, 8083, StackOptions.QUERY_GRPC, 9093,
                StackOptions.SIMULATOR, 18080, StackOptions.KAFKA, 19092, StackOptions.REDIS, 16379,
                StackOptions.MARIADB, 13306));
    }

    @Test
    @DisplayName("every option is read in its --name=value form, as the scripts and tests pass it")
    void everyOption() {
        StackOptions o = StackCommand.parse("--home=/tmp/x/../y", "--state-dir=/tmp/state", "--fresh", "--embedded",
                "--model=qwen-max", "--service-jvm-opts= -Xmx256m  -XX:+UseSerialGC ",
                "--gateway-jvm-opts=-Xmx1g -Xss512k",
                "--sim-first-token-ms=20", "--sim-chunk-ms=10", "--sim-chunks=3", "--restart=off",
                "--restart-backoff-ms=50", "--ready-timeout-s=600", "--cds=off", "--scale=worker=2",
                "--front-door-send-rate=10000", "--rebuild-read-model", "--gateway-port=1080", "--command-port=1081",
                "--command-grpc-port=1091", "--worker-port=1082", "--query-port=1083", "--query-grpc-port=1093",
                "--simulator-port=1180", "--kafka-port=1192", "--redis-port=1179", "--mariadb-port=1106",
                "--identity-port=1090");
        assertThat(o.home()).isEqualTo(Path.of("/tmp/y"));
        assertThat(o.stateDir()).isEqualTo(Path.of("/tmp/state"));
        assertThat(o.fresh()).isTrue();
        assertThat(o.embedded()).isTrue();
        assertThat(o.model()).isEqualTo("qwen-max");
        assertThat(o.jvmOptions("worker")).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(o.jvmOptions("gateway")).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-Xmx1g", "-Xss512k");
        assertThat(o.simulatorFirstTokenMs()).isEqualTo(20);
        assertThat(o.simulatorChunkMs()).isEqualTo(10);
        assertThat(o.simulatorChunks()).isEqualTo(3);
        assertThat(o.restart()).isFalse();
        assertThat(o.restartBackoffMs()).isEqualTo(50);
        assertThat(o.readyTimeoutSeconds()).isEqualTo(600);
        assertThat(o.classDataSharing()).isFalse();
        assertThat(o.scale().describe()).isEqualTo("command=1, query=1, worker=2, gateway=1");
        assertThat(o.frontDoorSendRate()).isEqualTo(10_000);
        assertThat(o.rebuildReadModel()).isTrue();
        assertThat(o.ports()).hasSize(11).containsEntry(StackOptions.IDENTITY, 1090).containsAllEntriesOf(Map.of(
                StackOptions.GATEWAY, 1080, StackOptions.COMMAND, 1081, StackOptions.COMMAND_GRPC, 1091,
                StackOptions.WORKER, 1082, StackOptions.QUERY, 1083, StackOptions.QUERY_GRPC, 1093,
                StackOptions.SIMULATOR, 1180, StackOptions.KAFKA, 1192, StackOptions.REDIS, 1179,
                StackOptions.MARIADB, 1106));
    }

    @Test
    @DisplayName("flags take no value or =true/=false; switches take on/off (alone: on); the last of two counts")
    void flagsAndSwitches() {
        assertThat(StackCommand.parse("--fresh=true").fresh()).isTrue();
        assertThat(StackCommand.parse("--fresh=false").fresh()).isFalse();
        assertThat(StackCommand.parse("--embedded=FALSE").embedded()).isFalse();
        assertThat(StackCommand.parse("--rebuild-read-model=true").rebuildReadModel()).isTrue();
        assertThatThrownBy(() -> StackCommand.parse("--fresh=yes")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--fresh': 'yes' is not true or false"
                        + " (a flag takes no value, or =true / =false)");
        assertThat(StackCommand.parse("--restart").restart()).isTrue();
        assertThat(StackCommand.parse("--restart=false").restart()).isFalse();
        assertThat(StackCommand.parse("--cds=off", "--cds").classDataSharing()).isTrue();
        assertThat(StackCommand.parse("--cds=off", "--cds=on", "--cds=off").classDataSharing()).isFalse();
        assertThat(StackCommand.parse("--sim-chunks=3", "--sim-chunks=5").simulatorChunks()).isEqualTo(5);
        assertThat(StackCommand.parse("--sim-chunks", "7").simulatorChunks()).isEqualTo(7);
    }

    @Test
    @DisplayName("a number that is none is refused naming the option and the type, never a bare NumberFormatException")
    void notANumber() {
        assertThatThrownBy(() -> StackCommand.parse("--sim-chunks=x")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--sim-chunks': 'x' is not an int");
        assertThatThrownBy(() -> StackCommand.parse("--ready-timeout-s=1.5")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--ready-timeout-s': '1.5' is not a long");
        assertThatThrownBy(() -> StackCommand.parse("--redis-port=x")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--redis-port': 'x' is not a port number (1 to 65535)");
        assertThatThrownBy(() -> StackCommand.parse("stray")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("'stray'");
    }

    @Test
    @DisplayName("ports can be moved; unknown options and bad ports are refused")
    void overridesAndTypos() {
        assertThat(StackCommand.parse(new String[] {"--gateway-port=9999", "--fresh"}).port(StackOptions.GATEWAY))
                .isEqualTo(9999);
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--gatway-port=1"}))
                .isInstanceOf(ParameterException.class).hasMessage("Unknown option: '--gatway-port=1'");
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--kafka-port=70000"}))
                .hasMessage("Invalid value for option '--kafka-port': '70000' is not a port number (1 to 65535)");
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--query-port=19092"}))
                .hasMessageContaining("--query-port").hasMessageContaining("--kafka-port")
                .hasMessageContaining("a port of its own");
    }

    @Test
    @DisplayName("supervision is on by default and can be switched off; a bad value is refused")
    void restartSwitch() {
        assertThat(StackCommand.parse(new String[] {}).restart()).isTrue();
        assertThat(StackCommand.parse(new String[] {}).restartBackoffMs()).isEqualTo(1000);
        assertThat(StackCommand.parse(new String[] {"--restart=off"}).restart()).isFalse();
        assertThat(StackCommand.parse(new String[] {"--restart=on", "--restart-backoff-ms=50"}).restartBackoffMs())
                .isEqualTo(50);
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--restart=maybe"}))
                .hasMessage("Invalid value for option '--restart': 'maybe' is not on or off");
    }

    @Test
    @DisplayName("class data sharing is on by default and can be switched off; a bad value is refused")
    void classDataSharingSwitch() {
        assertThat(StackCommand.parse(new String[] {}).classDataSharing()).isTrue();
        assertThat(StackCommand.parse(new String[] {"--cds=off"}).classDataSharing()).isFalse();
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--cds=fast"}))
                .hasMessage("Invalid value for option '--cds': 'fast' is not on or off");
    }

    @Test
    @DisplayName("the read-model rebuild runs only when asked for")
    void rebuildReadModel() {
        assertThat(StackCommand.parse(new String[] {}).rebuildReadModel()).isFalse();
        assertThat(StackCommand.parse(new String[] {"--rebuild-read-model"}).rebuildReadModel()).isTrue();
    }

    @Test
    @DisplayName("the gateway gets the common JVM options and then its own, so its larger heap limit wins")
    void gatewayJvmOptions() {
        StackOptions defaults = StackCommand.parse(new String[] {});
        assertThat(defaults.jvmOptions("worker")).containsExactly("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");
        assertThat(defaults.jvmOptions("gateway")).containsExactly("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Xmx1536m");
        StackOptions given = StackCommand.parse(new String[] {"--service-jvm-opts=-Xmx256m", "--gateway-jvm-opts="});
        assertThat(given.jvmOptions("gateway")).containsExactly("-Xmx256m");
    }

    @Test
    @DisplayName("--scale: one of each by default; instance n on the ports + 100·(n−1); gateways behind nginx from + 100")
    void scale() {
        StackOptions one = StackCommand.parse(new String[] {});
        assertThat(one.scale().frontDoor()).isFalse();
        assertThat(one.port("gateway", StackOptions.GATEWAY, 1)).isEqualTo(8080);

        StackOptions scaled = StackCommand.parse(new String[] {"--scale=gateway=2,command=2,query=2,worker=3"});
        assertThat(scaled.scale().describe()).isEqualTo("command=2, query=2, worker=3, gateway=2");
        assertThat(scaled.scale().frontDoor()).isTrue();
        assertThat(scaled.port("worker", StackOptions.WORKER, 3)).isEqualTo(8282);
        assertThat(scaled.port("command", StackOptions.COMMAND_GRPC, 2)).isEqualTo(9191);
        assertThat(scaled.port("gateway", StackOptions.GATEWAY, 1)).isEqualTo(8180);
        assertThat(scaled.port("gateway", StackOptions.GATEWAY, 2)).isEqualTo(8280);
        assertThat(scaled.listeners()).containsEntry("the front door nginx (--gateway-port)", 8080)
                .containsEntry("worker-3 (--worker-port)", 8282).containsEntry("query-2 (--query-grpc-port)", 9193)
                .hasSize(5 + 2 * 2 + 2 * 2 + 3 + 2 + 1);
        assertThat(Scale.instanceName("worker", 1)).isEqualTo("worker");
        assertThat(Scale.instanceName("worker", 3)).isEqualTo("worker-3");

        assertThat(StackCommand.parse(new String[] {"--scale=2"}).scale().describe())
                .isEqualTo("command=2, query=2, worker=2, gateway=2");
        assertThat(StackCommand.parse(new String[] {"--scale=worker=2"}).scale().describe())
                .isEqualTo("command=1, query=1, worker=2, gateway=1");
    }

    @Test
    @DisplayName("--scale refuses unknown services, counts outside 1..9, and instance ports that collide")
    void scaleRefusals() {
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--scale=workers=2"}))
                .hasMessageContaining("service=count").hasMessageContaining("worker");
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--scale=worker=0"}))
                .hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--scale=worker=ten"}))
                .hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--front-door-send-rate=0"}))
                .hasMessage("Invalid value for option '--front-door-send-rate': '0' is not a whole number >= 1");
        assertThat(StackCommand.parse(new String[] {}).frontDoorSendRate()).isEqualTo(5);
        // worker-2 would take 8182, where command-2's HTTP port already is when command moves there.
        assertThatThrownBy(() -> StackCommand.parse(new String[] {"--scale=worker=2", "--command-port=8182"}))
                .hasMessageContaining("worker-2 (--worker-port)").hasMessageContaining("a port of its own");
    }
}
