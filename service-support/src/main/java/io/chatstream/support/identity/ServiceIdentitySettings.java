package io.chatstream.support.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code chat.service-identity.*} of a service the gateway calls (chat-service-identity.yml documents each key).
 *
 * @param gatewayKeys the keys this service shares with the gateways (base64 text, ADR 0016), several during a
 *                    key rotation
 * @param clockSkew   how far the gateway's clock may be off from this one
 */
@ConfigurationProperties("chat.service-identity")
public record ServiceIdentitySettings(List<Resource> gatewayKeys, Duration clockSkew) {

    public ServiceIdentitySettings {
        Objects.requireNonNull(gatewayKeys, "chat.service-identity.gateway-keys is not set");
        Objects.requireNonNull(clockSkew, "chat.service-identity.clock-skew is not set");
        gatewayKeys = List.copyOf(gatewayKeys);
    }

    /**
     * The interceptor that lets in only calls a gateway signed for {@code audience}; made where a gRPC server runs,
     * which cannot start without a gateway key.
     */
    public GatewayIdentityInterceptor interceptor(String audience, Clock clock) {
        if (gatewayKeys.isEmpty()) {
            throw new IllegalStateException("chat.service-identity.gateway-keys is not set: the key this service shares"
                    + " with the gateways (e.g. file:/etc/chatstream/service-identity/command.key) is needed to accept"
                    + " their calls");
        }
        List<GatewayKey> keys = gatewayKeys.stream().map(ServiceIdentitySettings::read).toList();
        return new GatewayIdentityInterceptor(new GatewayTokenVerifier(keys, audience, clockSkew, clock));
    }

    private static GatewayKey read(Resource resource) {
        try {
            return GatewayKey.parse(resource.getContentAsString(StandardCharsets.US_ASCII), "chat.service-identity.gateway-keys "
                    + resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException("chat.service-identity.gateway-keys: cannot read " + resource.getDescription(), e);
        }
    }
}
