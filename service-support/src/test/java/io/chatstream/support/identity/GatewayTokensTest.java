package io.chatstream.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final KeyPair gateway = p256();
    private final KeyPair other = p256();

    @Test
    @DisplayName("a token verifies for its service and names its user; another service's, key or issuer does not")
    void verifies() {
        String token = tokens(gateway, NOW).tokenFor("alice", GatewayTokens.COMMAND_AUDIENCE);

        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, gateway).userOf(token)).contains("alice");
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW, gateway).userOf(token)).as("another service").isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, other).userOf(token)).as("another gateway key").isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, other, gateway).userOf(token))
                .as("any key of a rotation").contains("alice");
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, gateway).userOf("not.a.token")).isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, gateway).userOf(token.substring(0, token.length() - 4)
                + "AAAA")).as("a changed signature").isEmpty();
    }

    @Test
    @DisplayName("a token expires after its lifetime (plus the allowed skew) and is not taken before it was issued")
    void expires() {
        String token = tokens(gateway, NOW).tokenFor("alice", GatewayTokens.QUERY_AUDIENCE);

        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.plusSeconds(89), gateway).userOf(token)).contains("alice");
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.plusSeconds(91), gateway).userOf(token)).isEmpty();
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.minusSeconds(31), gateway).userOf(token)).isEmpty();
    }

    @Test
    @DisplayName("the gateway reuses a user's token for half its lifetime, then signs a new one")
    void reuses() {
        assertThat(tokens(gateway, NOW).tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE)).isNotNull();
        GatewayTokens one = tokens(gateway, NOW);
        String first = one.tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE);
        assertThat(one.tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE)).isEqualTo(first);
        assertThat(one.tokenFor("carol", GatewayTokens.COMMAND_AUDIENCE)).isNotEqualTo(first);
        assertThat(one.tokenFor("bob", GatewayTokens.QUERY_AUDIENCE)).isNotEqualTo(first);
    }

    @Test
    @DisplayName("PEM keys round-trip; text that is not the expected key stops with the setting's name")
    void pem() {
        String privatePem = PemKeys.pem("PRIVATE KEY", gateway.getPrivate().getEncoded());
        String publicPem = PemKeys.pem("PUBLIC KEY", gateway.getPublic().getEncoded());
        assertThat(PemKeys.privateKey(privatePem, "k")).isEqualTo(gateway.getPrivate());
        assertThat(PemKeys.publicKey(publicPem, "k")).isEqualTo(gateway.getPublic());
        assertThatThrownBy(() -> PemKeys.publicKey(privatePem, "chat.service-identity.gateway-keys x.pem"))
                .hasMessageContaining("chat.service-identity.gateway-keys x.pem");
        assertThatThrownBy(() -> PemKeys.privateKey("garbage", "chat.service-identity.signing-key"))
                .hasMessageContaining("chat.service-identity.signing-key");
    }

    static GatewayTokens tokens(KeyPair pair, Instant now) {
        return new GatewayTokens((ECPrivateKey) pair.getPrivate(), GatewayTokenVerifier.keyId((ECPublicKey) pair.getPublic()),
                Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    static GatewayTokenVerifier verifier(String audience, Instant now, KeyPair... trusted) {
        List<ECPublicKey> keys = java.util.Arrays.stream(trusted).map(p -> (ECPublicKey) p.getPublic()).toList();
        return new GatewayTokenVerifier(keys, audience, Duration.ofSeconds(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
