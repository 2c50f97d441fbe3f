package io.chatstream.gateway.backend.infrastructure;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The gateway is ready only while it can reach both services: without them it can only answer 503.
 * A channel spans all instances of its service and is READY while at least one of them is connected
 * (round_robin), so one instance down keeps the gateway ready; its calls go to the others.
 *
 * <p>Each probe also cuts short the reconnect back-off of every instance that is down (grpc-java waits
 * up to 2 minutes between attempts): a restarted instance, or a restarted service, gets calls again
 * within one probe period.
 */
class GrpcChannelsHealth implements HealthIndicator {

    private final Map<String, ManagedChannel> channels;

    GrpcChannelsHealth(Map<String, ManagedChannel> channels) {
        this.channels = Map.copyOf(channels);
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        boolean allReady = true;
        for (Map.Entry<String, ManagedChannel> channel : channels.entrySet()) {
            ConnectivityState state = channel.getValue().getState(true);
            // Only instances in back-off are affected; connected ones are left alone.
            channel.getValue().resetConnectBackoff();
            health.withDetail(channel.getKey(), state.name());
            allReady &= state == ConnectivityState.READY;
        }
        return allReady ? health.build() : health.status(Status.OUT_OF_SERVICE).build();
    }
}
