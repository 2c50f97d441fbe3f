package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.gateway.fakes.FakeChatServices;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** Readiness with two instances of the command service behind one channel (real gRPC servers). */
class GrpcChannelsHealthTest {

    private final FakeChatServices first = FakeChatServices.start();
    private final FakeChatServices second = FakeChatServices.start();
    private final ManagedChannel channel = ServiceChannels.open(
            GrpcTarget.parse("chat.command.grpc-target", first.target() + "," + second.target()),
            new ChannelPolicy("round_robin", 3, Duration.ofMillis(100), Duration.ofSeconds(1))
                    .serviceConfig(GrpcChatCommands.SAFE_TO_REPEAT),
            List.of());
    private final GrpcChannelsHealth health = new GrpcChannelsHealth(Map.of("command", channel));

    @AfterEach
    void close() throws Exception {
        channel.shutdownNow();
        first.stop();
        second.stop();
    }

    @Test
    @DisplayName("ready while at least one instance is reachable; not ready when none is; ready again when one is back")
    void readyWhileOneInstanceIsUp() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));

        first.stop();
        Thread.sleep(500);
        assertThat(health.health().getStatus()).as("one instance left").isEqualTo(Status.UP);

        second.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.OUT_OF_SERVICE));
        assertThat(health.health().getDetails()).containsKey("command");

        first.startServer();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> health.health().getStatus().equals(Status.UP));
    }
}
