package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.support.identity.GatewayKey;
import io.chatstream.support.identity.GatewayTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The gateway's side of service identity: the key it shares with each service it calls, and the tokens it puts
 * on every call. The two keys must differ, or a service holding its own key could make tokens the other takes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayIdentitySettings.class)
public class ServiceIdentityConfiguration {

    @Bean
    GatewayTokens gatewayTokens(GatewayIdentitySettings settings) {
        GatewayKey command = read(settings.commandKey(), "chat.service-identity.command-key");
        GatewayKey query = read(settings.queryKey(), "chat.service-identity.query-key");
        if (command.sameSecretAs(query)) {
            throw new IllegalStateException("chat.service-identity.command-key and query-key hold the same key: each"
                    + " service needs its own, so that neither can make tokens the other takes");
        }
        return new GatewayTokens(Map.of(GatewayTokens.COMMAND_AUDIENCE, command, GatewayTokens.QUERY_AUDIENCE, query),
                settings.tokenTtl(), Clock.systemUTC());
    }

    private static GatewayKey read(Resource resource, String setting) {
        try {
            return GatewayKey.parse(resource.getContentAsString(StandardCharsets.US_ASCII),
                    setting + " " + resource.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(setting + ": cannot read " + resource.getDescription(), e);
        }
    }
}
