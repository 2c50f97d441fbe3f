package io.chatstream.localstack;

import io.chatstream.testing.RawHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's HTTP API as a test client sees it: raw requests (any method, headers and body bytes),
 * dev tokens, hand-made JWTs for the attack cases, and a snapshot of what a user has stored.
 */
final class ApiClient {

    /** The local profile's public development key and claims (gateway application(-local).yml). */
    static final String DEV_SECRET = "chatstream-local-dev-secret-not-for-production-use";
    static final String ISSUER = "chatstream-local";
    static final String AUDIENCE = "chatstream";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(String base) {
        this.base = base;
    }

    /** A request with a bearer token (or none when {@code token} is null) and an optional raw body. */
    HttpResponse<String> call(String method, String path, String token, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Like {@link #call}, but the request target goes out byte for byte: {@link URI} refuses malformed
     * percent-encoding ({@code ?cursor=%%%}), which is exactly what some cases send.
     */
    HttpResponse<String> raw(String method, String target, String token, byte[] body) throws Exception {
        URI uri = URI.create(base);
        String[] headers = token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
        if (body != null) {
            headers = java.util.Arrays.copyOf(headers, headers.length + 2);
            headers[headers.length - 2] = "Content-Type";
            headers[headers.length - 1] = "application/json";
        }
        return RawHttp.send(uri.getHost(), uri.getPort(), method, target, body, headers);
    }

    /**
     * Signed in by the {@code chat_token} cookie only, as a browser sends it, with exactly the given
     * headers (no Content-Type unless one of them): the cross-site request cases.
     */
    HttpResponse<String> withCookie(String method, String path, String token, byte[] body, String... headers)
            throws Exception {
        URI uri = URI.create(base);
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Cookie";
        all[headers.length + 1] = "chat_token=" + token;
        return RawHttp.send(uri.getHost(), uri.getPort(), method, path, body, all);
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return call("POST", path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return call("GET", path, token, null);
    }

    String devToken(String user) throws Exception {
        HttpResponse<String> r = post("/api/auth/dev-token", null, "{\"user_id\":\"" + user + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** Sends a prompt and returns the 202 body. */
    JsonNode send(String token, String json) throws Exception {
        HttpResponse<String> r = post("/api/chat/send", token, json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }

    /** The whole SSE stream of an answer (blocks until it ends). */
    String stream(String token, String requestId) throws Exception {
        HttpResponse<String> r = get("/api/chat/stream?request_id=" + enc(requestId), token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Everything the user has stored, as the API shows it: every session with its title and messages. */
    /** Opens the answer stream and returns as soon as its headers arrived; the caller closes the body. */
    HttpResponse<java.io.InputStream> openStream(String token, String requestId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat/stream?request_id=" + enc(requestId)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    List<String> snapshot(String token) throws Exception {
        HttpResponse<String> list = get("/api/chat/sessions?page_size=100", token);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        List<String> state = new ArrayList<>();
        for (JsonNode session : JSON.readTree(list.body()).get("sessions")) {
            String id = session.get("session_id").asText();
            state.add("session " + id + " " + session.get("title").asText());
            HttpResponse<String> messages = get("/api/chat/sessions/" + id + "/messages?page_size=100", token);
            assertThat(messages.statusCode()).as(messages.body()).isEqualTo(200);
            for (JsonNode m : JSON.readTree(messages.body()).get("messages")) {
                state.add("  " + m.get("role").asText() + " " + m.get("status").asText() + " " + m.get("content").asText());
            }
        }
        return state;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------- hand-made tokens ----------

    /** A JWT with exactly this header and these claims, HMAC-SHA256-signed with {@code key} (no signature when null). */
    static String jwt(Map<String, Object> header, Map<String, Object> claims, byte[] key) throws Exception {
        String signingInput = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
        if (key == null) {
            return signingInput + ".";
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Claims the gateway would accept for {@code user}, with overrides ({@code null} value = remove). */
    static Map<String, Object> claims(String user, Object... overrides) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new java.util.LinkedHashMap<>(Map.of(
                "sub", user, "iss", ISSUER, "aud", AUDIENCE, "iat", now, "exp", now + 3600));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                claims.remove((String) overrides[i]);
            } else {
                claims.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return claims;
    }

    static byte[] devKey() {
        return DEV_SECRET.getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
