package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.gateway.backend.infrastructure.CallerMetadata;
import io.chatstream.support.identity.GatewayIdentityInterceptor;
import io.chatstream.support.identity.GatewayTokenVerifier;
import io.chatstream.support.identity.GatewayTokens;
import io.chatstream.support.identity.TestGateway;
import java.time.Clock;
import java.time.Duration;
import io.chatstream.proto.v1.SubmitPromptRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP: shapes, identity, and every error mapping. */
class ChatApiTest extends GatewayTestSupport {

    @Test
    @DisplayName("a signed-in user's prompt is submitted with their id and a trace id, and answered 202")
    void sendsPrompt() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> r = post("/api/chat/send", "{\"prompt\":\"Hello\",\"request_id\":\"req-client-0001\"}", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode body = json(r);
        assertThat(body.get("request_id").asText()).isEqualTo("req-client-0001");
        assertThat(body.get("session_id").asText()).isEqualTo("sess-new-000001");
        assertThat(body.get("accepted_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("turn").asInt()).isEqualTo(1);
        SubmitPromptRequest sent = FAKES.command.lastSubmit.get();
        assertThat(sent.getUserId()).isEqualTo("alice");
        assertThat(sent.getPrompt()).isEqualTo("Hello");
        assertThat(sent.getTraceId()).matches("[0-9a-f]{32}");
        assertThat(sent.getThinking()).as("no thinking asked for").isFalse();
        assertThat(FAKES.lastHeaders.get().get(CallerMetadata.USER_ID)).isEqualTo("alice");
        assertThat(FAKES.lastHeaders.get().get(CallerMetadata.TRACEPARENT)).startsWith("00-" + sent.getTraceId() + "-");
        // The gateway's proof for the command service, for this user; no other service would take it.
        String authorization = FAKES.lastHeaders.get().get(GatewayIdentityInterceptor.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        assertThat(new GatewayTokenVerifier(List.of(TestGateway.key("test-command.key")), GatewayTokens.COMMAND_AUDIENCE,
                Duration.ZERO, Clock.systemUTC()).userOf(authorization.substring(7))).contains("alice");
        assertThat(new GatewayTokenVerifier(List.of(TestGateway.key("test-query.key")), GatewayTokens.QUERY_AUDIENCE,
                Duration.ZERO, Clock.systemUTC()).userOf(authorization.substring(7))).isEmpty();
    }

    @Test
    @DisplayName("a send asking for thinking reaches the command service with thinking; false or null asks for none")
    void sendsThinking() throws Exception {
        String token = devToken("alice");
        String prompt = "Why is the sky blue? " + System.nanoTime();

        assertThat(post("/api/chat/send", "{\"prompt\":\"" + prompt + "\",\"thinking\":true}", token).statusCode()).isEqualTo(202);
        assertThat(post("/api/chat/send", "{\"prompt\":\"" + prompt + "\",\"thinking\":false}", token).statusCode()).isEqualTo(202);
        assertThat(post("/api/chat/send", "{\"prompt\":\"" + prompt + "\",\"thinking\":null}", token).statusCode()).isEqualTo(202);

        assertThat(submitsOf(prompt)).extracting(SubmitPromptRequest::getThinking).containsExactly(true, false, false);
        assertThat(submitsOf(prompt)).extracting(SubmitPromptRequest::getUserId).containsOnly("alice");
    }

    @Test
    @DisplayName("GET /api/chat/models lists the query service's catalog; a send names one of them or gets 400 UNKNOWN_MODEL")
    void modelChoice() throws Exception {
        String token = devToken("dora");
        HttpResponse<String> models = get("/api/chat/models", token);
        assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
        assertThat(json(models).get("default_model").asText()).isEqualTo("qwen-plus");
        JsonNode first = json(models).get("models").get(0);
        assertThat(first.get("id").asText()).isEqualTo("qwen-plus");
        assertThat(first.get("name").asText()).isEqualTo("Qwen-Plus");
        assertThat(first.get("thinking").asText()).isEqualTo("optional");
        assertThat(first.get("vision").asBoolean()).isFalse();
        assertThat(first.get("context_tokens").asInt()).isEqualTo(131072);
        assertThat(json(models).get("models").get(1).get("thinking").asText()).isEqualTo("always");

        String prompt = "model " + System.nanoTime();
        assertThat(post("/api/chat/send", "{\"prompt\":\"" + prompt + "\",\"model\":\"qwq-plus\"}", token).statusCode())
                .isEqualTo(202);
        assertThat(submitsOf(prompt)).singleElement().satisfies(sent -> {
            assertThat(sent.getModel()).isEqualTo("qwq-plus");
            assertThat(sent.getThinking()).as("a thinking-only model thinks when not told").isTrue();
        });
        String unknown = "unknown " + System.nanoTime();
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"" + unknown + "\",\"model\":\"gpt-5\"}", token), 400))
                .isEqualTo("UNKNOWN_MODEL");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"" + unknown + "\",\"model\":7}", token), 400))
                .isEqualTo("INVALID_FIELD");
        assertThat(submitsOf(unknown)).isEmpty();
    }

    @Test
    @DisplayName("a thinking that is not a JSON boolean is a 400 INVALID_FIELD and nothing is submitted")
    void refusesThinkingOfAnotherType() throws Exception {
        String token = devToken("alice");
        String prompt = "Think about it " + System.nanoTime();
        for (String thinking : new String[] {"\"true\"", "\"yes\"", "1", "0", "{}", "[]"}) {
            HttpResponse<String> r = post("/api/chat/send", "{\"prompt\":\"" + prompt + "\",\"thinking\":" + thinking + "}", token);
            assertThat(errorCode(r, 400)).as(thinking).isEqualTo("INVALID_FIELD");
            assertThat(json(r).at("/error/message").asText()).as(thinking).contains("thinking");
        }
        assertThat(submitsOf(prompt)).as("nothing submitted").isEmpty();
    }

    private static List<SubmitPromptRequest> submitsOf(String prompt) {
        return FAKES.command.submits.stream().filter(s -> s.getPrompt().equals(prompt)).toList();
    }

    @Test
    @DisplayName("the trace id of an incoming traceparent is passed on")
    void keepsIncomingTrace() throws Exception {
        String token = devToken("alice");
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> r = http.send(request("/api/chat/send", token)
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Hi\",\"session_id\":\"sess-existing-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(FAKES.command.lastSubmit.get().getTraceId()).isEqualTo(trace);
        assertThat(FAKES.command.lastSubmit.get().getSessionId()).isEqualTo("sess-existing-1");
    }

    @Test
    @DisplayName("the response never echoes the request's Authorization header")
    void doesNotEchoCredentials() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> r = get("/api/chat/sessions", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("authorization"));
        assertThat(r.headers().allValues("Content-Type")).singleElement().asString().startsWith("application/json");
    }

    @Test
    @DisplayName("bad input is a 400 in the JSON error shape, never a 500")
    void rejectsBadInput() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\": \"unterminated", token), 400)).isEqualTo("MALFORMED_JSON");
        assertThat(errorCode(post("/api/chat/send", "", token), 400)).isEqualTo("MALFORMED_JSON");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"a\"} trailing", token), 400)).isEqualTo("MALFORMED_JSON");
        assertThat(errorCode(post("/api/chat/send", "[1,2]", token), 400)).isEqualTo("INVALID_FIELD");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":42}", token), 400)).isEqualTo("INVALID_FIELD");
        assertThat(errorCode(post("/api/chat/send", "{\"session_id\":\"sess-existing-1\"}", token), 400)).isEqualTo("PROMPT_EMPTY");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"a\",\"session_id\":\"../etc\"}", token), 400))
                .isEqualTo("INVALID_SESSION_ID");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"a\",\"request_id\":\"x\"}", token), 400))
                .isEqualTo("INVALID_REQUEST_ID");
        assertThat(errorCode(post("/api/chat/stop", "{}", token), 400)).isEqualTo("INVALID_REQUEST_ID");
        assertThat(errorCode(get("/api/chat/sessions?page_size=abc", token), 400)).isEqualTo("INVALID_PAGE_SIZE");
        assertThat(errorCode(get("/api/chat/sessions?page_size=500", token), 400)).isEqualTo("INVALID_PAGE_SIZE");
        assertThat(errorCode(get("/api/chat/sessions?cursor=bad-cursor", token), 400)).isEqualTo("INVALID_CURSOR");
        assertThat(errorCode(get("/api/chat/sessions/bad!id/messages", token), 400)).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    @DisplayName("unknown paths and wrong methods also answer in the JSON error shape")
    void containerErrors() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(get("/api/chat/nothing-here", token), 404)).isEqualTo("NOT_FOUND");
        HttpResponse<String> wrongMethod = post("/api/chat/sessions", "{}", token);
        assertThat(wrongMethod.statusCode()).isIn(404, 405);
        assertThat(wrongMethod.body()).contains("\"error\"");
    }

    @Test
    @DisplayName("the page and its assets are served without a token")
    void servesPage() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("app.js", "app.css");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(get("/app.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/app.css", null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("odd content types and encodings are still just bad input")
    void oddContentTypes() throws Exception {
        String token = devToken("alice");
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
                "application/json; charset=bogus"}) {
            HttpResponse<String> r = http.send(request("/api/chat/send", token).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("prompt=hi&session_id=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(errorCode(r, 415)).as(type).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        HttpResponse<String> invalidUtf8 = http.send(request("/api/chat/send", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', 'p', '"', ':', (byte) 0xC3, (byte) 0x28, '}'})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(errorCode(invalidUtf8, 400)).isEqualTo("MALFORMED_JSON");
        HttpResponse<String> noType = http.send(request("/api/chat/send", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi ü\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noType.statusCode()).as(noType.body()).isEqualTo(202);
        assertThat(FAKES.command.lastSubmit.get().getPrompt()).as("no charset declared: still UTF-8").isEqualTo("hi ü");
        HttpResponse<String> utf8 = http.send(request("/api/chat/send", token).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"grüß dich 你好\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(202);
        assertThat(FAKES.command.lastSubmit.get().getPrompt()).isEqualTo("grüß dich 你好");
    }

    @Test
    @DisplayName("a body over the limit is refused with 413 BODY_TOO_LARGE")
    void refusesOversizedBody() throws Exception {
        String token = devToken("alice");
        String big = "{\"prompt\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(errorCode(post("/api/chat/send", big, token), 413)).isEqualTo("BODY_TOO_LARGE");
        HttpResponse<String> chunked = http.send(request("/api/chat/send", token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(errorCode(chunked, 413)).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    @DisplayName("the services' rejections become 413, 409, 429, 404 with their code and message")
    void mapsServiceRejections() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"huge\"}", token), 413)).isEqualTo("PROMPT_TOO_LARGE");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"busy\"}", token), 409)).isEqualTo("SESSION_BUSY");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"archived\"}", token), 409)).isEqualTo("SESSION_ARCHIVED");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"too many sessions\"}", token), 409))
                .isEqualTo("SESSION_LIMIT_REACHED");
        HttpResponse<String> overBudget = post("/api/chat/send", "{\"prompt\":\"over budget\"}", token);
        assertThat(errorCode(overBudget, 429)).isEqualTo("QUOTA_EXCEEDED");
        assertThat(json(overBudget).at("/error/message").asText()).contains("00:00 UTC");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"not yours\"}", token), 404)).isEqualTo("SESSION_NOT_FOUND");
        assertThat(errorCode(post("/api/chat/stop", "{\"request_id\":\"req-unknown-0001\"}", token), 404))
                .isEqualTo("REQUEST_NOT_FOUND");
        assertThat(errorCode(get("/api/chat/sessions/sess-someone-else/messages", token), 404)).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    @DisplayName("a service that does not answer in time is a 503, an unexplained failure a 500 without details")
    void mapsTechnicalFailures() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"slow\"}", token), 503)).isEqualTo("DEPENDENCY_UNAVAILABLE");
        HttpResponse<String> crash = post("/api/chat/send", "{\"prompt\":\"crash\"}", token);
        assertThat(errorCode(crash, 500)).isEqualTo("INTERNAL");
        assertThat(crash.body()).doesNotContain("NullPointer", "Foo.java");
    }

    @Test
    @DisplayName("stop is forwarded for the caller and answered 202")
    void stopsPrompt() throws Exception {
        String token = devToken("bob");
        HttpResponse<String> r = post("/api/chat/stop", "{\"request_id\":\"req-running-01\"}", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(json(r).get("request_id").asText()).isEqualTo("req-running-01");
        assertThat(json(r).get("status").asText()).isEqualTo("cancelling");
        assertThat(FAKES.command.lastCancel.get().getUserId()).isEqualTo("bob");
    }

    @Test
    @DisplayName("the session list and a session's messages come back in the documented shape")
    void readsHistory() throws Exception {
        String token = devToken("carol");
        HttpResponse<String> sessions = get("/api/chat/sessions?page_size=20&cursor=c1", token);
        assertThat(sessions.statusCode()).as(sessions.body()).isEqualTo(200);
        JsonNode first = json(sessions).get("sessions").get(0);
        assertThat(first.get("session_id").asText()).isEqualTo("sess-newest-01");
        assertThat(first.get("title").asText()).isEqualTo("Newest");
        assertThat(first.get("updated_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.get("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(first.get("message_count").asInt()).isEqualTo(4);
        assertThat(json(sessions).get("next_cursor").asText()).isEqualTo("c2");
        assertThat(json(sessions).get("sessions").get(1).get("title").asText()).isEqualTo("Older ü 你好");
        assertThat(FAKES.query.lastList.get().getUserId()).isEqualTo("carol");
        assertThat(FAKES.query.lastList.get().getPageSize()).isEqualTo(20);
        assertThat(FAKES.query.lastList.get().getPage()).isEqualTo("c1");

        HttpResponse<String> messages = get("/api/chat/sessions/sess-newest-01/messages", token);
        assertThat(messages.statusCode()).as(messages.body()).isEqualTo(200);
        JsonNode answer = json(messages).get("messages").get(1);
        assertThat(answer.get("request_id").asText()).isEqualTo("req-first-0001");
        assertThat(answer.get("role").asText()).isEqualTo("assistant");
        assertThat(answer.get("content").asText()).isEqualTo("Hello");
        assertThat(answer.get("status").asText()).isEqualTo("completed");
        assertThat(answer.get("turn").asInt()).isEqualTo(1);
        assertThat(answer.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(answer.get("usage").get("output_tokens").asInt()).isEqualTo(1);
        assertThat(answer.has("error_code")).isTrue();
        assertThat(answer.get("reasoning").asText()).isEqualTo("A greeting: answer in kind.");
        assertThat(json(messages).get("messages").get(0).get("reasoning").isNull()).as("a prompt has no reasoning").isTrue();
        assertThat(answer.get("model").asText()).isEqualTo("qwen-plus");
        assertThat(json(messages).get("messages").get(0).get("model").isNull()).as("a prompt has no model").isTrue();
        assertThat(json(messages).get("next_cursor").asText()).isEmpty();
        assertThat(FAKES.query.lastMessages.get().getUserId()).isEqualTo("carol");
    }

    @Test
    @DisplayName("a search reaches the query service with the caller's id and stripped q, and answers the documented shape")
    void searchesMessages() throws Exception {
        String token = devToken("dave");
        HttpResponse<String> r = get("/api/chat/search?q=%20%E5%A4%A9%E6%B0%94%20&page_size=10&cursor=h1", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode hit = json(r).get("hits").get(0);
        assertThat(hit.get("session_id").asText()).isEqualTo("sess-newest-01");
        assertThat(hit.get("session_title").asText()).isEqualTo("Newest");
        assertThat(hit.get("request_id").asText()).isEqualTo("req-first-0001");
        assertThat(hit.get("role").asText()).isEqualTo("assistant");
        assertThat(hit.get("turn").asInt()).isEqualTo(1);
        assertThat(hit.get("snippet").asText()).isEqualTo("…weather in 北京 is 天气…");
        assertThat(hit.get("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(json(r).get("next_cursor").asText()).isEqualTo("h2");
        assertThat(FAKES.query.lastSearch.get().getUserId()).isEqualTo("dave");
        assertThat(FAKES.query.lastSearch.get().getQuery()).isEqualTo("天气");
        assertThat(FAKES.query.lastSearch.get().getPageSize()).isEqualTo(10);
        assertThat(FAKES.query.lastSearch.get().getPage()).isEqualTo("h1");
    }

    @Test
    @DisplayName("a missing, blank or too long q, a bad page size or cursor is a 400 and never reaches the query service")
    void refusesBadSearches() throws Exception {
        String token = devToken("erin");
        FAKES.query.lastSearch.set(null);
        assertThat(errorCode(get("/api/chat/search", token), 400)).isEqualTo("INVALID_QUERY");
        assertThat(errorCode(get("/api/chat/search?q=", token), 400)).isEqualTo("INVALID_QUERY");
        assertThat(errorCode(get("/api/chat/search?q=+%20%E3%80%80", token), 400)).isEqualTo("INVALID_QUERY");
        assertThat(errorCode(get("/api/chat/search?q=" + "x".repeat(101), token), 400)).isEqualTo("INVALID_QUERY");
        assertThat(errorCode(get("/api/chat/search?q=" + "%F0%9F%98%80".repeat(101), token), 400)).isEqualTo("INVALID_QUERY");
        assertThat(errorCode(get("/api/chat/search?q=rome&page_size=0", token), 400)).isEqualTo("INVALID_PAGE_SIZE");
        assertThat(errorCode(get("/api/chat/search?q=rome&page_size=abc", token), 400)).isEqualTo("INVALID_PAGE_SIZE");
        assertThat(errorCode(get("/api/chat/search?q=rome&cursor=with%20space", token), 400)).isEqualTo("INVALID_CURSOR");
        assertThat(FAKES.query.lastSearch.get()).as("no call for bad input").isNull();
        assertThat(errorCode(get("/api/chat/search?q=rome&cursor=bad-cursor", token), 400)).isEqualTo("INVALID_CURSOR");
        assertThat(errorCode(get("/api/chat/search?q=rome", null), 401)).isEqualTo("UNAUTHENTICATED");
        assertThat(get("/api/chat/search?q=" + "%F0%9F%98%80".repeat(100), token).statusCode()).isEqualTo(200);
    }
}
