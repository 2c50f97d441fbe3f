package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Only well-signed, current tokens for this issuer and audience get in; everything else is a JSON 401. */
class AuthenticationTest extends GatewayTestSupport {

    @Test
    @DisplayName("without a token the API answers 401 UNAUTHENTICATED in JSON")
    void noToken() throws Exception {
        assertThat(errorCode(get("/api/chat/sessions", null), 401)).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"hi\"}", null), 401)).isEqualTo("UNAUTHENTICATED");
        assertThat(errorCode(get("/api/chat/stream?request_id=req-stream-0001", null), 401)).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    @DisplayName("tampered, expired, unsigned, foreign-issuer and foreign-audience tokens are refused")
    void badTokens() throws Exception {
        String good = devToken("mallory");
        String[] parts = good.split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\",\"iss\":\"chatstream-local\",\"aud\":[\"chatstream\"],\"exp\":4102444800}".getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + otherPayload + ".";
        Instant now = Instant.now();

        for (String token : List.of(
                tampered,
                unsigned,
                "not-a-jwt",
                sign(JWSAlgorithm.HS256, SECRET, "chatstream-local", "chatstream", now.minus(2, ChronoUnit.HOURS)),
                sign(JWSAlgorithm.HS256, SECRET, "someone-else", "chatstream", now.plus(1, ChronoUnit.HOURS)),
                sign(JWSAlgorithm.HS256, SECRET, "chatstream-local", "other-app", now.plus(1, ChronoUnit.HOURS)),
                sign(JWSAlgorithm.HS256, SECRET, "chatstream-local", "chatstream", null),
                sign(JWSAlgorithm.HS512, SECRET + SECRET, "chatstream-local", "chatstream", now.plus(1, ChronoUnit.HOURS)),
                sign(JWSAlgorithm.HS256, "another-secret-another-secret-another-secret", "chatstream-local", "chatstream",
                        now.plus(1, ChronoUnit.HOURS)))) {
            assertThat(errorCode(get("/api/chat/sessions", token), 401)).as(token).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(get("/api/chat/sessions", sign(JWSAlgorithm.HS256, SECRET, "chatstream-local", "chatstream",
                now.plus(1, ChronoUnit.HOURS))).statusCode()).as("control: a well-made token works").isEqualTo(200);
    }

    @Test
    @DisplayName("the dev token also arrives as an HttpOnly SameSite=Strict cookie that authenticates the API")
    void cookieSignIn() throws Exception {
        HttpResponse<String> r = post("/api/auth/dev-token", "{\"user_id\":\"dave\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("chat_token=" + json(r).get("token").asText() + ";")
                .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200").doesNotContain("Secure");

        HttpResponse<String> sessions = http.send(request("/api/chat/sessions", null)
                .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
        assertThat(FAKES.query.lastList.get().getUserId()).isEqualTo("dave");
    }

    @Test
    @DisplayName("a malformed user name gets no token; public pages ignore a stale cookie")
    void devTokenInput() throws Exception {
        assertThat(errorCode(post("/api/auth/dev-token", "{\"user_id\":\"a b<script>\"}", null), 400)).isEqualTo("INVALID_USER_ID");
        assertThat(errorCode(post("/api/auth/dev-token", "{oops", null), 400)).isEqualTo("MALFORMED_JSON");
        HttpResponse<String> page = http.send(request("/", null).header("Cookie", "chat_token=garbage").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        // As the page sends it: a write that carries the cookie must declare JSON (CrossSiteRequestFilter).
        HttpResponse<String> signIn = http.send(request("/api/auth/dev-token", null).header("Cookie", "chat_token=garbage")
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"user_id\":\"erin\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("health and metrics are public")
    void publicOps() throws Exception {
        // Health includes the gRPC channels, which connect to the fakes moments after start-up.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> get("/actuator/health", null).statusCode() == 200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
    }

    private static String sign(JWSAlgorithm alg, String secret, String issuer, String audience, Instant expiry)
            throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("mallory").issuer(issuer).audience(audience)
                .issueTime(new Date());
        if (expiry != null) {
            claims.expirationTime(Date.from(expiry));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims.build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
