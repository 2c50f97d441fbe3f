package io.chatstream.identity.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A restart keeps what the gateway holds valid: the same signing key (read from the key file) and the
 * authorizations (in the database). Runs with registration closed, as production would.
 */
class ProviderRestartIT extends ProviderItSupport {

    private static final String CLOSED = "--chat.idp.registration.enabled=false";

    @BeforeAll
    static void start() {
        startProvider(CLOSED);
    }

    @Test
    @DisplayName("after a restart on the same key file and database: same kid, old tokens verify, old refresh token works")
    void restartKeepsKeysAndAuthorizations() throws Exception {
        List<String> kidsBefore = jwks().getKeys().stream().map(JWK::getKeyID).toList();
        Tokens before = tokensFor("bob", "bob-password");

        stopProvider();
        startProvider(CLOSED);

        List<String> kidsAfter = jwks().getKeys().stream().map(JWK::getKeyID).toList();
        assertThat(kidsAfter).hasSize(1).isEqualTo(kidsBefore);
        assertThat(verified(before.accessToken(), jwks()).getJWTClaimsSet().getSubject()).isEqualTo("bob");
        HttpResponse<String> userinfo = browser().getWithBearer("/userinfo", before.accessToken());
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        HttpResponse<String> refreshed = refresh(before.refreshToken());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Tokens after = Tokens.of(json(refreshed));
        assertThat(verified(after.accessToken(), jwks()).getJWTClaimsSet().getSubject()).isEqualTo("bob");
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
    }

    @Test
    @DisplayName("with registration closed, /register answers 404 and the sign-in page has no link to it")
    void registrationClosed() {
        Browser browser = browser();

        assertThat(browser.get("/register").statusCode()).isEqualTo(404);
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"login-form\"").doesNotContain("/register")
                .doesNotContain("Create an account");
    }
}
