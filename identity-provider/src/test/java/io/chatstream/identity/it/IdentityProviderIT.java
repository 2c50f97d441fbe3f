package io.chatstream.identity.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The provider as the gateway and a person in a browser use it, against a real MariaDB; one provider for all. */
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderIT extends ProviderItSupport {

    @BeforeAll
    static void start() {
        startProvider();
    }

    @Test
    @DisplayName("readiness is public and UP once started")
    void readiness() {
        HttpResponse<String> readiness = browser().get("/actuator/health/readiness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).path("status").asText()).isEqualTo("UP");
        assertThat(browser().get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("discovery names the issuer, JWKS, logout and revocation endpoints, and PKCE with S256")
    void discovery() {
        HttpResponse<String> response = browser().get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = json(response);
        assertThat(discovery.path("issuer").asText()).isEqualTo(base());
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(base() + "/oauth2/jwks");
        assertThat(discovery.path("end_session_endpoint").asText()).isEqualTo(base() + "/connect/logout");
        assertThat(discovery.path("revocation_endpoint").asText()).isEqualTo(base() + "/oauth2/revoke");
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(base() + "/oauth2/authorize");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(base() + "/oauth2/token");
        assertThat(discovery.path("userinfo_endpoint").asText()).isEqualTo(base() + "/userinfo");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("\"S256\"");
    }

    @Test
    @DisplayName("authorization code with PKCE: sign-in page, code back to the gateway, signed RFC 9068 access token")
    void authorizationCodeWithPkce(CapturedOutput output) throws Exception {
        Browser browser = browser();
        Pkce pkce = Pkce.create();

        String code = signIn(browser, "alice", "alice-password", pkce, "xyz-123");
        Tokens tokens = exchange(code, pkce);

        assertThat(browser.cookies()).extracting(HttpCookie::getName).contains("CHAT_IDP_SESSION");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.scope().split(" ")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(tokens.expiresIn()).isBetween(590L, 600L);
        JWKSet keys = jwks();
        SignedJWT access = verified(tokens.accessToken(), keys);
        assertThat(access.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(access.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
        JWTClaimsSet claims = access.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(base());
        assertThat(claims.getAudience()).contains("chatstream", CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
        JWTClaimsSet id = verified(tokens.idToken(), keys).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo("alice");
        assertThat(id.getAudience()).containsExactly(CLIENT_ID);
        HttpResponse<String> userinfo = browser.getWithBearer("/userinfo", tokens.accessToken());
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).path("sub").asText()).isEqualTo("alice");
        assertThat(output).contains("Sign-in succeeded: alice").doesNotContain("alice-password")
                .doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    }

    @Test
    @DisplayName("RP-initiated logout ends the session and returns to a registered post-logout URI")
    void logout() {
        Browser browser = browser();
        Pkce pkce = Pkce.create();
        Tokens tokens = exchange(signIn(browser, "alice", "alice-password", pkce, "before-logout"), pkce);

        HttpResponse<String> logout = browser.get("/connect/logout?id_token_hint=" + tokens.idToken()
                + "&post_logout_redirect_uri=http://127.0.0.1:8080/&state=bye");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout)).isEqualTo("http://127.0.0.1:8080/?state=bye");
        HttpResponse<String> authorize = browser.get(authorizeUrl(Pkce.create(), "after-logout"));
        assertThat(Browser.location(authorize)).as("signed out: sign in again").isEqualTo(base() + "/login");
    }

    @Test
    @DisplayName("authorize without a code challenge is refused: an error goes back, never a code")
    void pkceIsRequired() {
        Browser browser = browser();

        HttpResponse<String> authorize = browser.get(authorizeUrlWithoutPkce("no-pkce"));

        assertThat(authorize.statusCode()).isEqualTo(302);
        Map<String, String> callback = Browser.query(Browser.location(authorize));
        assertThat(Browser.location(authorize)).startsWith(REDIRECT_URI + "?");
        assertThat(callback).containsEntry("error", "invalid_request").containsEntry("state", "no-pkce")
                .doesNotContainKey("code");
        // Signed in, still no code without PKCE.
        signIn(browser, "bob", "bob-password", Pkce.create(), "with-pkce");
        HttpResponse<String> again = browser.get(authorizeUrlWithoutPkce("no-pkce-2"));
        assertThat(Browser.query(Browser.location(again))).containsEntry("error", "invalid_request")
                .doesNotContainKey("code");
    }

    @Test
    @DisplayName("a wrong password leads back to the sign-in page with an error, and no code is issued")
    void wrongPassword(CapturedOutput output) {
        Browser browser = browser();
        HttpResponse<String> login = startAuthorization(browser, Pkce.create(), "wrong");

        HttpResponse<String> failed = postCredentials(browser, login, "alice", "not-alices-password");

        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(Browser.location(failed)).isEqualTo(base() + "/login?error");
        HttpResponse<String> page = browser.get(Browser.location(failed));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login-error\"").contains("Wrong username or password");
        // Not signed in: authorize still asks for the sign-in page, no code.
        HttpResponse<String> authorize = browser.get(authorizeUrl(Pkce.create(), "wrong-2"));
        assertThat(Browser.location(authorize)).isEqualTo(base() + "/login");
        assertThat(output).contains("Sign-in failed: alice (BadCredentialsException)")
                .doesNotContain("not-alices-password");
    }

    @Test
    @DisplayName("refresh returns a new access token and a new refresh token; a revoked refresh token stops working")
    void refreshAndRevoke() throws Exception {
        Tokens first = tokensFor("carol", "carol-password");

        HttpResponse<String> refreshed = refresh(first.refreshToken());

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Tokens second = Tokens.of(json(refreshed));
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        SignedJWT access = verified(second.accessToken(), jwks());
        assertThat(access.getJWTClaimsSet().getSubject()).isEqualTo("carol");
        assertThat(access.getJWTClaimsSet().getAudience()).contains("chatstream");
        assertThat(refresh(first.refreshToken()).statusCode()).as("the replaced refresh token").isEqualTo(400);

        HttpResponse<String> revoked = browser().postFormAsClient("/oauth2/revoke", CLIENT_ID, CLIENT_SECRET,
                Map.of("token", second.refreshToken(), "token_type_hint", "refresh_token"));
        assertThat(revoked.statusCode()).isEqualTo(200);

        HttpResponse<String> afterRevoke = refresh(second.refreshToken());
        assertThat(afterRevoke.statusCode()).isEqualTo(400);
        assertThat(json(afterRevoke).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("a newly registered user signs in through the whole flow")
    void registeredUserSignsIn(CapturedOutput output) throws Exception {
        Browser browser = browser();
        HttpResponse<String> form = browser.get("/register");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"register-form\"");

        HttpResponse<String> registered = browser.postForm("/register", Map.of("username", "dora.d@example",
                "password", "doras-secret-1", "repeatPassword", "doras-secret-1", "_csrf", Browser.csrf(form)));

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
        assertThat(Browser.location(registered)).isEqualTo(base() + "/login?registered");
        assertThat(browser.get(Browser.location(registered)).body()).contains("id=\"login-registered\"");
        Tokens tokens = tokensFor("dora.d@example", "doras-secret-1");
        assertThat(verified(tokens.accessToken(), jwks()).getJWTClaimsSet().getSubject()).isEqualTo("dora.d@example");
        assertThat(output).contains("Registration: account dora.d@example created").doesNotContain("doras-secret-1");
    }

    @Test
    @DisplayName("a taken username is refused with 409, whatever its case, and the owner's password still works")
    void takenUsername() {
        Browser browser = browser();
        for (String taken : new String[] {"alice", "ALICE"}) {
            HttpResponse<String> form = browser.get("/register");

            HttpResponse<String> refused = browser.postForm("/register", Map.of("username", taken,
                    "password", "mallorys-password", "repeatPassword", "mallorys-password", "_csrf", Browser.csrf(form)));

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("id=\"register-form\"").contains("This username is taken");
        }
        assertThat(tokensFor("alice", "alice-password").accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("a short password is refused with 400 and no account is written")
    void shortPassword() {
        Browser browser = browser();
        HttpResponse<String> form = browser.get("/register");

        HttpResponse<String> refused = browser.postForm("/register", Map.of("username", "erin",
                "password", "short", "repeatPassword", "short", "_csrf", Browser.csrf(form)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"register-form\"").contains("at least 10 characters")
                .contains("value=\"erin\"");
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM users WHERE username = 'erin'", Integer.class)).isZero();
        assertThat(jdbc().queryForObject("SELECT COUNT(*) FROM authorities WHERE username = 'erin'", Integer.class))
                .isZero();
    }
}
