package io.chatstream.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final GatewayKey command = GatewayKey.generate(RANDOM);
    private final GatewayKey query = GatewayKey.generate(RANDOM);
    private final GatewayKey other = GatewayKey.generate(RANDOM);

    @Test
    @DisplayName("a token verifies for its service and names its user; another service's, key or issuer does not")
    void verifies() {
        String token = tokens(NOW).tokenFor("alice", GatewayTokens.COMMAND_AUDIENCE);

        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command).userOf(token)).contains("alice");
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW, query).userOf(token)).as("another service").isEmpty();
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW, command).userOf(token))
                .as("another service, even with the same key").isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, other).userOf(token)).as("another key").isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, other, command).userOf(token))
                .as("any key of a rotation").contains("alice");
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command).userOf("not.a.token")).isEmpty();
        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command).userOf(token.substring(0, token.length() - 4)
                + "AAAA")).as("a changed signature").isEmpty();
    }

    @Test
    @DisplayName("the query service's key cannot make a token the command service takes")
    void oneKeyPerService() {
        GatewayTokens queryOnly = new GatewayTokens(Map.of(GatewayTokens.COMMAND_AUDIENCE, query), Duration.ofSeconds(60),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String forged = queryOnly.tokenFor("alice", GatewayTokens.COMMAND_AUDIENCE);

        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command).userOf(forged)).isEmpty();
        assertThatThrownBy(() -> queryOnly.tokenFor("alice", GatewayTokens.QUERY_AUDIENCE))
                .hasMessageContaining("no gateway key for chatstream-query");
    }

    @Test
    @DisplayName("only HS256 is taken: an ES256 token with the right claims and key id is refused")
    void onlyHs256() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(GatewayTokens.ISSUER)
                .audience(GatewayTokens.COMMAND_AUDIENCE).subject("alice").issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(command.id())
                .type(GatewayTokens.TYPE).build(), claims);
        jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));

        assertThat(verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command).userOf(jwt.serialize())).isEmpty();
    }

    @Test
    @DisplayName("a token expires after its lifetime (plus the allowed skew) and is not taken before it was issued")
    void expires() {
        String token = tokens(NOW).tokenFor("alice", GatewayTokens.QUERY_AUDIENCE);

        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.plusSeconds(89), query).userOf(token)).contains("alice");
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.plusSeconds(91), query).userOf(token)).isEmpty();
        assertThat(verifier(GatewayTokens.QUERY_AUDIENCE, NOW.minusSeconds(31), query).userOf(token)).isEmpty();
    }

    @Test
    @DisplayName("the gateway reuses a user's token for half its lifetime, then signs a new one")
    void reuses() {
        GatewayTokens one = tokens(NOW);
        String first = one.tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE);
        assertThat(one.tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE)).isEqualTo(first);
        assertThat(one.tokenFor("carol", GatewayTokens.COMMAND_AUDIENCE)).isNotEqualTo(first);
        assertThat(one.tokenFor("bob", GatewayTokens.QUERY_AUDIENCE)).isNotEqualTo(first);
        assertThat(tokens(NOW.plusSeconds(31)).tokenFor("bob", GatewayTokens.COMMAND_AUDIENCE)).isNotEqualTo(first);
    }

    @Test
    @DisplayName("with more users than the caches hold, both stay bounded and every token still verifies")
    void boundedCaches() {
        GatewayTokens gateway = tokens(NOW);
        GatewayTokenVerifier service = verifier(GatewayTokens.COMMAND_AUDIENCE, NOW, command);
        for (int n = 0; n < 3 * GatewayTokens.CACHE_PRUNE_AT; n++) {
            String user = "user-" + n;
            assertThat(service.userOf(gateway.tokenFor(user, GatewayTokens.COMMAND_AUDIENCE))).contains(user);
        }
        assertThat(gateway.cached()).isBetween(1, GatewayTokens.CACHE_PRUNE_AT + 1);
        assertThat(service.remembered()).isBetween(1, GatewayTokenVerifier.CACHE_PRUNE_AT + 1);
    }

    @Test
    @DisplayName("a key file round-trips; text that is not a key of 256 bits or more stops with the setting's name")
    void keyText() {
        GatewayKey read = GatewayKey.parse(command.text(), "k");
        assertThat(read.sameSecretAs(command)).isTrue();
        assertThat(read.id()).isEqualTo(command.id()).hasSize(16).doesNotContain(command.text().strip());
        assertThat(read.sameSecretAs(query)).isFalse();
        assertThat(GatewayKey.parse("  " + command.text() + "\n\n", "k").sameSecretAs(command)).as("white space").isTrue();
        assertThatThrownBy(() -> GatewayKey.parse("not base64 !", "chat.service-identity.gateway-keys x.key"))
                .hasMessageContaining("chat.service-identity.gateway-keys x.key is not base64");
        assertThatThrownBy(() -> GatewayKey.parse("A file of prose, long enough to hold more than thirty-two bytes.", "k"))
                .as("prose is not taken for a key").hasMessageContaining("k is not base64");
        String short31 = Base64.getEncoder().encodeToString(Arrays.copyOf(new byte[] {1, 2, 3}, 31));
        assertThatThrownBy(() -> GatewayKey.parse(short31, "chat.service-identity.command-key"))
                .hasMessageContaining("chat.service-identity.command-key holds 31 bytes; a gateway key needs at least 32");
    }

    private GatewayTokens tokens(Instant now) {
        return new GatewayTokens(Map.of(GatewayTokens.COMMAND_AUDIENCE, command, GatewayTokens.QUERY_AUDIENCE, query),
                Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }

    static GatewayTokenVerifier verifier(String audience, Instant now, GatewayKey... trusted) {
        return new GatewayTokenVerifier(Arrays.asList(trusted), audience, Duration.ofSeconds(30),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
