package io.chatstream.gateway.backend.infrastructure;

import io.grpc.ClientInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Opens the one long-lived plaintext channel to all instances of a service. */
final class ServiceChannels {

    private ServiceChannels() {
    }

    /**
     * @param interceptors the last one runs first
     * @throws IllegalArgumentException naming the setting when grpc-java refuses the target (grpc-java's
     *     reason in the message, not as a cause, so that start-up failure ends with the whole story)
     */
    static ManagedChannel open(GrpcTarget target, Map<String, ?> serviceConfig, List<ClientInterceptor> interceptors) {
        ManagedChannel channel;
        try {
            channel = Grpc.newChannelBuilder(target.channelTarget(), InsecureChannelCredentials.create())
                    // Load balancing and retries come from the gateway's settings only, never from DNS TXT records.
                    .defaultServiceConfig(serviceConfig)
                    .disableServiceConfigLookUp()
                    .enableRetry()
                    .intercept(interceptors)
                    // Long-lived connections: never let them go idle, so readiness does not flap
                    // and no request pays for reconnecting.
                    .idleTimeout(30, TimeUnit.DAYS)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(target.setting() + "='" + target.channelTarget() + "' is not a usable gRPC target: "
                    + e.getMessage());
        }
        // Connect now (to every instance, with round_robin), so the first user request does not pay for
        // connection setup within its deadline.
        channel.getState(true);
        Reconnect.whenReadyLost(channel);
        return channel;
    }
}
