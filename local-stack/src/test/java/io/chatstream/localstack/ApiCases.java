package io.chatstream.localstack;

import static io.chatstream.localstack.ApiClient.claims;
import static io.chatstream.localstack.ApiClient.devKey;
import static io.chatstream.localstack.ApiClient.enc;
import static io.chatstream.localstack.ApiClient.jwt;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every case of the bad-input (B, A) and isolation (I) matrices by id; docs/http-api-errors.md says
 * what each must answer, and {@link HttpApiMatrixIT} holds the two to each other.
 */
final class ApiCases {

    /** What a case may use: the caller, its own data, and another user's. */
    record Ctx(ApiClient api, String user, String token, String session, String request,
            String otherToken, String otherSession, String otherRequest, String otherInFlight) {
    }

    @FunctionalInterface
    interface Case {
        HttpResponse<String> run(Ctx c) throws Exception;
    }

    static final String UNKNOWN_SESSION = "sess-does-not-exist-0001";
    static final String UNKNOWN_REQUEST = "req-does-not-exist-0001";
    static final Map<String, Case> CASES = new LinkedHashMap<>();

    private ApiCases() {
    }

    private static void add(String id, Case c) {
        if (CASES.put(id, c) != null) {
            throw new IllegalStateException("duplicate case " + id);
        }
    }

    private static HttpResponse<String> send(Ctx c, String json) throws Exception {
        return c.api().post("/api/chat/send", c.token(), json);
    }

    private static HttpResponse<String> sendBytes(Ctx c, byte[] body, String... headers) throws Exception {
        return c.api().call("POST", "/api/chat/send", c.token(), body, headers);
    }

    private static HttpResponse<String> sessionsAs(Ctx c, String token) throws Exception {
        return c.api().get("/api/chat/sessions", token);
    }

    /** The caller's request with exactly this target (no body). */
    private static HttpResponse<String> raw(Ctx c, String method, String target) throws Exception {
        return c.api().raw(method, target, c.token(), null);
    }

    /** A send of a valid prompt with an attack token: must be 401 and store nothing. */
    private static HttpResponse<String> sendAs(Ctx c, String token) throws Exception {
        return c.api().post("/api/chat/send", token, "{\"prompt\":\"forged\"}");
    }

    static {
        // ----- prompts -----
        add("B01", c -> send(c, "{\"prompt\":\"\"}"));
        add("B02", c -> send(c, "{\"prompt\":\"  \\n\\t \"}"));
        add("B03", c -> send(c, "{}"));
        add("B04", c -> send(c, "{\"prompt\":null}"));
        add("B05", c -> send(c, "{\"prompt\":\"" + "a".repeat(40_000) + "\"}"));
        add("B06", c -> send(c, "{\"prompt\":\"" + "a".repeat(300_000) + "\"}"));
        add("B07", c -> send(c, "{\"prompt\":\"nul \\u0000 byte\"}"));
        add("B08", c -> send(c, "{\"prompt\":\"lone \\ud800 surrogate\"}"));
        add("B09", c -> sendBytes(c, concat("{\"prompt\":\"bad ".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.US_ASCII))));
        add("B10", c -> sendBytes(c, new byte[] {0, 1, 2, (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}));
        // ----- malformed JSON and wrong types -----
        add("B11", c -> send(c, "{\"prompt\":"));
        add("B12", c -> send(c, "{'prompt':'hi'}"));
        add("B13", c -> send(c, "{\"prompt\":\"hi\"} trailing"));
        add("B14", c -> sendBytes(c, new byte[0]));
        add("B15", c -> send(c, "[\"hi\"]"));
        add("B16", c -> send(c, "{\"prompt\":42}"));
        add("B17", c -> send(c, "{\"prompt\":{\"text\":\"hi\"}}"));
        add("B18", c -> send(c, "{\"prompt\":\"hi\",\"session_id\":12345678}"));
        add("B19", c -> send(c, "{\"prompt\":\"hi\",\"request_id\":true}"));
        add("B20", c -> send(c, "{\"prompt\":\"hi\",\"session_id\":\"../../etc/passwd\"}"));
        add("B21", c -> send(c, "{\"prompt\":\"hi\",\"session_id\":\"" + "s".repeat(65) + "\"}"));
        add("B22", c -> send(c, "{\"prompt\":\"hi\",\"request_id\":\"" + "r".repeat(1000) + "\"}"));
        add("B23", c -> send(c, "{\"prompt\":\"hi\",\"session_id\":\"" + UNKNOWN_SESSION + "\"}"));
        add("B24", c -> sendBytes(c, "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain"));
        add("B25", c -> sendBytes(c, "prompt=hi".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded"));
        add("B26", c -> sendBytes(c, "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.ISO_8859_1),
                "Content-Type", "application/json;charset=ISO-8859-1"));
        add("B27", c -> c.api().call("PUT", "/api/chat/send", c.token(), "{\"prompt\":\"hi\"}".getBytes(StandardCharsets.UTF_8)));
        add("B28", c -> c.api().get("/api/chat/nothing-here", c.token()));
        // ----- stop -----
        add("B29", c -> c.api().post("/api/chat/stop", c.token(), "{}"));
        add("B30", c -> c.api().post("/api/chat/stop", c.token(), "{\"request_id\":\"<script>\"}"));
        add("B31", c -> c.api().post("/api/chat/stop", c.token(), "{\"request_id\":\"" + UNKNOWN_REQUEST + "\"}"));
        add("B32", c -> c.api().post("/api/chat/stop", c.token(), "{\"request_id\":"));
        // ----- stream -----
        add("B33", c -> c.api().get("/api/chat/stream", c.token()));
        add("B34", c -> c.api().get("/api/chat/stream?request_id=" + enc("<script>alert(1)</script>"), c.token()));
        add("B35", c -> c.api().get("/api/chat/stream?request_id=" + UNKNOWN_REQUEST, c.token()));
        add("B36", c -> c.api().call("GET", "/api/chat/stream?request_id=" + c.request(), c.token(), null,
                "Last-Event-ID", "abc"));
        add("B37", c -> c.api().get("/api/chat/stream?request_id=" + c.request() + "&last_event_id=-5", c.token()));
        // ----- pages and cursors -----
        add("B38", c -> c.api().get("/api/chat/sessions?page_size=0", c.token()));
        add("B39", c -> c.api().get("/api/chat/sessions?page_size=-1", c.token()));
        add("B40", c -> c.api().get("/api/chat/sessions?page_size=101", c.token()));
        add("B41", c -> c.api().get("/api/chat/sessions?page_size=abc", c.token()));
        add("B42", c -> c.api().get("/api/chat/sessions?page_size=99999999999", c.token()));
        add("B43", c -> c.api().get("/api/chat/sessions?cursor=not-a-cursor", c.token()));
        add("B44", c -> c.api().get("/api/chat/sessions?cursor=" + "A".repeat(4000), c.token()));
        add("B45", c -> c.api().get("/api/chat/sessions/" + UNKNOWN_SESSION + "/messages", c.token()));
        add("B46", c -> c.api().get("/api/chat/sessions/" + enc("bad id!") + "/messages", c.token()));
        add("B47", c -> c.api().get("/api/chat/sessions/" + c.session() + "/messages?cursor=%00%FF", c.token()));
        // ----- rename -----
        add("B48", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.session(), c.token(),
                "{\"title\":\"   \"}".getBytes(StandardCharsets.UTF_8)));
        add("B49", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.session(), c.token(),
                ("{\"title\":\"" + "t".repeat(500) + "\"}").getBytes(StandardCharsets.UTF_8)));
        add("B50", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.session(), c.token(),
                "{\"title\":\"bell \\u0007 title\"}".getBytes(StandardCharsets.UTF_8)));
        add("B51", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.session(), c.token(),
                "{\"title\":7}".getBytes(StandardCharsets.UTF_8)));
        add("B52", c -> c.api().call("DELETE", "/api/chat/sessions/" + enc("x'; DROP TABLE sessions;--"), c.token(), null));
        // ----- oversized headers and ids -----
        add("B53", c -> c.api().call("GET", "/api/chat/sessions", c.token(), null, "X-Filler", "f".repeat(10 * 1024)));
        add("B54", c -> c.api().get("/api/chat/sessions/" + "s".repeat(3000) + "/messages", c.token()));
        add("B55", c -> c.api().get("/api/chat/stream?request_id=" + "r".repeat(3000), c.token()));
        // ----- query strings (issue 15): sent raw, java.net.URI refuses most of them -----
        add("B56", c -> raw(c, "GET", "/api/chat/sessions?cursor=%%%garbage"));
        add("B57", c -> raw(c, "GET", "/api/chat/sessions?page_size=%zz"));
        add("B58", c -> raw(c, "GET", "/api/chat/sessions?cursor=abc%"));
        add("B59", c -> raw(c, "GET", "/api/chat/sessions/" + c.session() + "/messages?cursor=%E0%A4"));
        add("B60", c -> raw(c, "GET", "/api/chat/sessions/" + c.session() + "/messages?cursor=%C0%AF"));
        add("B61", c -> raw(c, "GET", "/api/chat/stream?request_id=%G1"));
        add("B62", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "&last_event_id=%"));
        add("B63", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "%0D%0AX-Injected:%201"));
        add("B64", c -> c.api().raw("POST", "/api/chat/send?x=%%", c.token(),
                "{\"prompt\":\"sent with a broken query\"}".getBytes(StandardCharsets.UTF_8)));
        add("B65", c -> c.api().raw("PATCH", "/api/chat/sessions/" + c.session() + "?%FF=1", c.token(),
                "{\"title\":\"renamed with a broken query\"}".getBytes(StandardCharsets.UTF_8)));
        add("B66", c -> raw(c, "DELETE", "/api/chat/sessions/" + c.session() + "?x=%"));
        add("B67", c -> raw(c, "GET", "/api/chat/sessions?page_size=10&page_size=20"));
        add("B68", c -> raw(c, "GET", "/api/chat/sessions?cursor=a&cursor=b"));
        add("B69", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "&request_id=" + c.otherRequest()));
        add("B70", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "&last_event_id=1&last_event_id=2"));
        add("B71", c -> raw(c, "GET", "/api/chat/sessions?cursor=<x>"));
        add("B72", c -> raw(c, "GET", "/api/chat/sessions?cursor=%00"));
        add("B73", c -> raw(c, "GET", "/api/chat/sessions?page_size=1.5"));
        add("B74", c -> raw(c, "GET", "/api/chat/sessions/" + c.session() + "/messages?page_size=abc"));
        add("B75", c -> raw(c, "GET", "/api/chat/sessions/" + c.session() + "/messages?cursor=not-a-cursor"));
        add("B76", c -> raw(c, "GET", "/api/chat/stream?request_id="));
        add("B77", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "&last_event_id=abc"));
        add("B78", c -> raw(c, "GET", "/api/chat/stream?request_id=" + c.request() + "&last_event_id=99999999999999999999"));
        add("B79", c -> raw(c, "GET", "/?a=%%"));
        // ----- search -----
        add("B80", c -> c.api().get("/api/chat/search", c.token()));
        add("B81", c -> c.api().get("/api/chat/search?q=" + enc("  \u3000 "), c.token()));
        add("B82", c -> c.api().get("/api/chat/search?q=" + "q".repeat(101), c.token()));
        add("B83", c -> c.api().get("/api/chat/search?q=question&page_size=0", c.token()));
        add("B84", c -> c.api().get("/api/chat/search?q=question&cursor=not-a-cursor", c.token()));
        add("B85", c -> raw(c, "GET", "/api/chat/search?q=%00"));
        add("B86", c -> raw(c, "GET", "/api/chat/search?q=a&q=b"));
        add("B87", c -> send(c, "{\"prompt\":\"hi\",\"thinking\":\"true\"}"));
        add("B88", c -> send(c, "{\"prompt\":\"hi\",\"thinking\":1}"));
        add("B89", c -> send(c, "{\"prompt\":\"hi\",\"model\":\"gpt-5\"}"));
        add("B90", c -> send(c, "{\"prompt\":\"hi\",\"model\":7}"));
        add("B91", c -> c.api().post("/api/chat/regenerate", c.token(), "{}"));
        add("B92", c -> c.api().post("/api/chat/regenerate", c.token(), "{\"version_of\":\"" + UNKNOWN_REQUEST + "\"}"));
        add("B93", c -> c.api().post("/api/chat/select-version", c.token(), "{\"request_id\":\"<script>\"}"));
        add("B94", c -> send(c, "{\"prompt\":\"edited\",\"version_of\":\"" + UNKNOWN_REQUEST + "\"}"));
        add("B95", c -> send(c, "{\"prompt\":\"edited\",\"version_of\":\"" + c.request() + "\",\"session_id\":\""
                + UNKNOWN_SESSION + "\"}"));
        add("B96", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.session(), c.token(),
                "{\"pinned\":\"yes\"}".getBytes(StandardCharsets.UTF_8)));
        // ----- authentication -----
        add("A01", c -> sessionsAs(c, null));
        add("A02", c -> sessionsAs(c, "not.a.jwt"));
        add("A03", c -> sendAs(c, jwt(Map.of("alg", "none", "typ", "JWT"), claims(c.user()), null)));
        add("A04", c -> sendAs(c, jwt(Map.of("alg", "none"), claims(c.user()), devKey())));
        add("A05", c -> sendAs(c, jwt(Map.of("alg", "RS256", "typ", "JWT"), claims(c.user()), devKey())));
        add("A06", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user()), ApiCases.PUBLIC_KEY_PEM.getBytes(StandardCharsets.US_ASCII))));
        add("A07", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user(), "exp", 1_600_000_000L, "iat", 1_599_990_000L), devKey())));
        add("A08", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user(), "iss", "someone-else"), devKey())));
        add("A09", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user(), "aud", "another-api"), devKey())));
        add("A10", c -> sendAs(c, tampered(c)));
        add("A11", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user(), "exp", null), devKey())));
        add("A12", c -> sendAs(c, jwt(Map.of("alg", "HS256"), claims(c.user()), "a-different-32-byte-secret-key!!!".getBytes(StandardCharsets.UTF_8))));
        add("A13", c -> c.api().call("POST", "/api/chat/send?access_token=" + c.token(), null,
                "{\"prompt\":\"forged\"}".getBytes(StandardCharsets.UTF_8)));
        add("A14", c -> c.api().call("POST", "/api/chat/send", null, "{\"prompt\":\"forged\"}".getBytes(StandardCharsets.UTF_8),
                "Cookie", "chat_token=" + tampered(c)));
        add("A15", c -> c.api().post("/api/auth/dev-token", null, "{\"user_id\":\"a b\"}"));
        add("A16", c -> c.api().post("/api/auth/dev-token", null, "{\"user_id\":\"" + "u".repeat(65) + "\"}"));
        byte[] forged = "{\"prompt\":\"forged\"}".getBytes(StandardCharsets.UTF_8);
        add("A17", c -> c.api().withCookie("POST", "/api/chat/send", c.token(), forged,
                "Content-Type", "application/json", "Origin", "https://evil.example"));
        add("A18", c -> c.api().withCookie("POST", "/api/chat/send", c.token(), forged,
                "Content-Type", "application/json", "Sec-Fetch-Site", "same-site"));
        add("A19", c -> c.api().withCookie("POST", "/api/chat/send", c.token(), forged));
        add("A20", c -> c.api().withCookie("DELETE", "/api/chat/sessions/" + c.session(), c.token(), null,
                "Origin", "https://evil.example"));
        add("A21", c -> c.api().get("/api/chat/search?q=question", null));
        add("A22", c -> c.api().post("/api/auth/refresh", null, "{}"));
        // ----- abuse limits, each with a user of its own (the caller's and the other user's data stay as they are) -----
        add("A24", ApiCases::rateLimited);
        add("A25", ApiCases::tooManyStreams);
        add("A26", ApiCases::quotaExceeded);
        add("A23", c -> c.api().withCookie("POST", "/api/auth/logout", c.token(), "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Origin", "https://evil.example"));
        // ----- isolation: another user's session or request (OWASP API1) -----
        add("I01", c -> c.api().get("/api/chat/sessions/" + c.otherSession() + "/messages", c.token()));
        add("I02", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.otherSession(), c.token(),
                "{\"title\":\"hijacked\"}".getBytes(StandardCharsets.UTF_8)));
        add("I03", c -> c.api().call("DELETE", "/api/chat/sessions/" + c.otherSession(), c.token(), null));
        add("I04", c -> send(c, "{\"prompt\":\"join in\",\"session_id\":\"" + c.otherSession() + "\"}"));
        add("I05", c -> c.api().post("/api/chat/stop", c.token(), "{\"request_id\":\"" + c.otherRequest() + "\"}"));
        add("I06", c -> c.api().post("/api/chat/stop", c.token(), "{\"request_id\":\"" + c.otherInFlight() + "\"}"));
        add("I07", c -> c.api().get("/api/chat/stream?request_id=" + c.otherRequest(), c.token()));
        add("I08", c -> c.api().call("GET", "/api/chat/stream?request_id=" + c.otherInFlight(), c.token(), null,
                "Last-Event-ID", "1"));
        add("I09", c -> send(c, "{\"prompt\":\"steal the answer\",\"request_id\":\"" + c.otherRequest() + "\"}"));
        add("I10", c -> c.api().get("/api/chat/sessions/" + c.otherSession() + "/messages?page_size=1", c.token()));
        add("I11", c -> c.api().post("/api/chat/regenerate", c.token(), "{\"version_of\":\"" + c.otherRequest() + "\"}"));
        add("I12", c -> c.api().post("/api/chat/select-version", c.token(), "{\"request_id\":\"" + c.otherRequest() + "\"}"));
        add("I13", c -> send(c, "{\"prompt\":\"edit theirs\",\"version_of\":\"" + c.otherRequest() + "\"}"));
        add("I14", c -> c.api().call("PATCH", "/api/chat/sessions/" + c.otherSession(), c.token(),
                "{\"pinned\":true}".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * chat.rate-limit.capacity (20) prompts in a row are taken; sending on is refused. The bucket refills greedily (one
     * token every 3 s), so on a slow machine a send or two past the 20th may still get in: the refusal must come before
     * the 30th.
     */
    private static HttpResponse<String> rateLimited(Ctx c) throws Exception {
        String token = c.api().devToken("matrix-burst-" + System.nanoTime());
        for (int n = 1; n <= 30; n++) {
            HttpResponse<String> sent = c.api().post("/api/chat/send", token, "{\"prompt\":\"burst " + n + "\"}");
            if (sent.statusCode() != 202) {
                if (n <= 20) {
                    throw new AssertionError("prompt " + n + " of the burst was refused: " + sent.body());
                }
                return sent;
            }
        }
        throw new AssertionError("30 prompts in a row were all taken: the send rate is not limited");
    }

    /** chat.sse.max-streams-per-user (20) open streams of a live answer; the next one is refused. */
    private static HttpResponse<String> tooManyStreams(Ctx c) throws Exception {
        String token = c.api().devToken("matrix-streams-" + System.nanoTime());
        String request = c.api().send(token, "{\"prompt\":\"a long answer [sim:chunks=400] [sim:delay=50,100]\"}")
                .get("request_id").asText();
        List<HttpResponse<java.io.InputStream>> open = new java.util.ArrayList<>();
        try {
            for (int n = 1; n <= 20; n++) {
                HttpResponse<java.io.InputStream> stream = c.api().openStream(token, request);
                open.add(stream);
                if (stream.statusCode() != 200) {
                    throw new AssertionError("stream " + n + " was refused: " + stream.statusCode());
                }
            }
            return c.api().get("/api/chat/stream?request_id=" + request, token);
        } finally {
            for (HttpResponse<java.io.InputStream> stream : open) {
                stream.body().close();
            }
        }
    }

    /**
     * The matrix stack's daily budget is 20,000 tokens per user (HttpApiMatrixIT): one answer to a 25,000-character
     * Chinese prompt (25,000 input tokens, as the simulator counts them) uses it up, and the next prompt is refused
     * before a model is called. The usage is recorded when the answer completes, so the refusal is awaited.
     */
    private static HttpResponse<String> quotaExceeded(Ctx c) throws Exception {
        String token = c.api().devToken("matrix-quota-" + System.nanoTime());
        String request = c.api().send(token, "{\"prompt\":\"" + "长".repeat(25_000) + "\"}").get("request_id").asText();
        c.api().stream(token, request);
        HttpResponse<String> next = null;
        for (long deadline = System.nanoTime() + 20_000_000_000L; System.nanoTime() < deadline; Thread.sleep(250)) {
            next = c.api().post("/api/chat/send", token, "{\"prompt\":\"and one more\"}");
            if (next.statusCode() != 202) {
                return next;
            }
        }
        return next;
    }

    /** The caller's own valid token with the payload's subject changed, signature kept. */
    private static String tampered(Ctx c) {
        String[] parts = c.token().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + c.user() + "\"", "\"" + c.user() + "x\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Any RSA public key: the classic confusion attack signs HS256 with it as the HMAC secret. */
    private static final String PUBLIC_KEY_PEM = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
            4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
            +qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh
            kd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ
            0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdg
            cKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbc
            mwIDAQAB
            -----END PUBLIC KEY-----
            """;
}
