package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.support.identity.GatewayTokenVerifier;
import io.chatstream.support.identity.GatewayTokens;
import io.chatstream.support.identity.PemKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The gateway's side of service identity: its signing key, checked at start-up against its public key (a token
 * it signs must verify with the key the services hold), and the tokens it puts on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayIdentitySettings.class)
public class ServiceIdentityConfiguration {

    @Bean
    GatewayTokens gatewayTokens(GatewayIdentitySettings settings) {
        ECPrivateKey privateKey = PemKeys.privateKey(text(settings.signingKey(), "chat.service-identity.signing-key"),
                "chat.service-identity.signing-key " + settings.signingKey().getDescription());
        ECPublicKey publicKey = PemKeys.publicKey(text(settings.publicKey(), "chat.service-identity.public-key"),
                "chat.service-identity.public-key " + settings.publicKey().getDescription());
        GatewayTokens tokens = new GatewayTokens(privateKey, GatewayTokenVerifier.keyId(publicKey), settings.tokenTtl(),
                Clock.systemUTC());
        GatewayTokenVerifier check = new GatewayTokenVerifier(List.of(publicKey), GatewayTokens.COMMAND_AUDIENCE,
                Duration.ZERO, Clock.systemUTC());
        if (check.userOf(tokens.tokenFor("start-up-check", GatewayTokens.COMMAND_AUDIENCE)).isEmpty()) {
            throw new IllegalStateException("chat.service-identity.signing-key and public-key are not a pair: the"
                    + " services would refuse every call");
        }
        return tokens;
    }

    private static String text(Resource resource, String key) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(key + ": cannot read " + resource.getDescription(), e);
        }
    }
}
