package io.chatstream.gateway.infrastructure.grpc;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The gateway is ready only while it is connected to both services: without them it can only
 * answer 503. A probe that finds a channel backing off after a failed connect makes it retry at
 * once, so the gateway is ready as soon as a restarted service listens again.
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
            if (state == ConnectivityState.TRANSIENT_FAILURE) {
                channel.getValue().resetConnectBackoff();
            }
            health.withDetail(channel.getKey(), state.name());
            allReady &= state == ConnectivityState.READY;
        }
        return allReady ? health.build() : health.status(Status.OUT_OF_SERVICE).build();
    }
}
