package io.chatstream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.SearchTerms;
import io.chatstream.gateway.backend.application.SessionPinned;
import io.chatstream.gateway.backend.application.SessionRenamed;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.backend.application.StopRequested;
import io.chatstream.gateway.backend.application.TokenUsage;
import io.chatstream.gateway.backend.application.VersionShown;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentMatcher;

/**
 * Guards {@code camel/chat-api.camel.yaml}: the paths and verbs of {@code /api/chat} (the contract with the page and
 * every client), each handed to its own flow route {@code gateway-<flow>} that makes one {@code chatApi} call; what
 * then reaches the command and query services, and which status and error code each outcome becomes.
 */
@DisplayName("chat-api.camel.yaml: the chat JSON API")
class ChatApiRouteTest extends GatewayRouteTestSupport {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final SessionId SESSION = new SessionId("sess-existing-1");
    private static final RequestId REQUEST = new RequestId("req-client-0001");

    @Test
    @DisplayName("each path and verb is served by its own route gateway-<flow>, under the shared HTTP error handling")
    void pathsAndVerbs() {
        Map<String, String> api = Map.of(
                "gateway-send-prompt", "POST /api/chat/send",
                "gateway-regenerate-prompt", "POST /api/chat/regenerate",
                "gateway-select-version", "POST /api/chat/select-version",
                "gateway-stop-prompt", "POST /api/chat/stop",
                "gateway-list-sessions", "GET /api/chat/sessions",
                "gateway-session-messages", "GET /api/chat/sessions/{id}/messages",
                "gateway-search-messages", "GET /api/chat/search",
                "gateway-rename-session", "PATCH /api/chat/sessions/{id}",
                "gateway-delete-session", "DELETE /api/chat/sessions/{id}");

        assertThat(served()).containsAllEntriesOf(api);
        api.keySet().forEach(id ->
                assertThat(model().getRouteDefinition(id).getRouteConfigurationId()).as(id).isEqualTo(ERROR_HANDLING));
    }

    @Test
    @DisplayName("POST /api/chat/send submits the caller's prompt: 202 with the accepted prompt, no request header echoed")
    void send() {
        signedInAs("alice");
        when(commands.submit(any(), any(), any(), any(), any(), anyBoolean()))
                .thenReturn(Outcome.done(new PromptAccepted(REQUEST.value(), SESSION.value(), AT, "accepted", 3)));

        ApiReply reply = call(ApiRequest.post("/api/chat/send",
                "{\"prompt\":\"Hello\",\"session_id\":\"sess-existing-1\",\"request_id\":\"req-client-0001\"}"));

        assertThat(reply.status()).isEqualTo(202);
        assertJson(reply.json(), "{\"request_id\":\"req-client-0001\",\"session_id\":\"sess-existing-1\","
                + "\"accepted_at\":\"2026-01-02T03:04:05Z\",\"status\":\"accepted\",\"turn\":3}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(reply.headers()).doesNotContainKey("Authorization");
        verify(commands).submit(argThat(caller("alice")), eq(Optional.of(SESSION)), eq("Hello"), eq(Optional.of(REQUEST)), eq(""), eq(false));
    }

    @Test
    @DisplayName("POST /api/chat/send with version_of submits an edit; /regenerate the same prompt again; /select-version shows a version")
    void versions() {
        signedInAs("alice");
        when(commands.submitVersion(any(), any(), any(), any(), any(), any(), anyBoolean()))
                .thenReturn(Outcome.done(new PromptAccepted(REQUEST.value(), SESSION.value(), AT, "accepted", 2)));
        when(commands.selectVersion(any(), any())).thenReturn(Outcome.done(new VersionShown(SESSION.value(),
                "req-client-0009")));
        RequestId earlier = new RequestId("req-client-0000");

        ApiReply edit = call(ApiRequest.post("/api/chat/send",
                "{\"prompt\":\"Better\",\"version_of\":\"req-client-0000\",\"session_id\":\"sess-existing-1\"}"));
        ApiReply regenerate = call(ApiRequest.post("/api/chat/regenerate",
                "{\"version_of\":\"req-client-0000\",\"request_id\":\"req-client-0001\",\"thinking\":true}"));
        ApiReply select = call(ApiRequest.post("/api/chat/select-version", "{\"request_id\":\"req-client-0000\"}"));

        assertThat(edit.status()).isEqualTo(202);
        assertThat(regenerate.status()).isEqualTo(202);
        assertThat(regenerate.json().path("turn").asInt()).isEqualTo(2);
        verify(commands).submitVersion(argThat(caller("alice")), eq(Optional.of(SESSION)), eq(earlier), eq("Better"),
                eq(Optional.empty()), eq(""), eq(false));
        verify(commands).submitVersion(argThat(caller("alice")), eq(Optional.empty()), eq(earlier), eq(""),
                eq(Optional.of(REQUEST)), eq(""), eq(true));
        assertThat(select.status()).isEqualTo(200);
        assertJson(select.json(), "{\"session_id\":\"sess-existing-1\",\"head_request_id\":\"req-client-0009\"}");
        verify(commands).selectVersion(argThat(caller("alice")), eq(earlier));
    }

    @Test
    @DisplayName("a regenerate or select without a well-formed request id is 400 INVALID_REQUEST_ID; an edit needs its text")
    void versionsBadInput() {
        signedInAs("alice");

        assertThat(call(ApiRequest.post("/api/chat/regenerate", "{}")).errorCode()).isEqualTo("INVALID_REQUEST_ID");
        assertThat(call(ApiRequest.post("/api/chat/regenerate", "{\"version_of\":\"../x\"}")).errorCode())
                .isEqualTo("INVALID_REQUEST_ID");
        assertThat(call(ApiRequest.post("/api/chat/regenerate", "{\"version_of\":7}")).errorCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(call(ApiRequest.post("/api/chat/select-version", "{\"request_id\":\"\"}")).errorCode())
                .isEqualTo("INVALID_REQUEST_ID");
        assertThat(call(ApiRequest.post("/api/chat/send", "{\"prompt\":\" \",\"version_of\":\"req-client-0000\"}"))
                .errorCode()).isEqualTo("PROMPT_EMPTY");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "thinking {0} -> {1}")
    @CsvSource({"true, true", "false, false", "null, false"})
    @DisplayName("POST /api/chat/send passes thinking on to the command service; null or no thinking asks for none")
    void sendThinking(String thinking, boolean asked) {
        signedInAs("alice");
        when(commands.submit(any(), any(), any(), any(), any(), anyBoolean()))
                .thenReturn(Outcome.done(new PromptAccepted(REQUEST.value(), SESSION.value(), AT, "accepted", 3)));

        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":\"Why?\",\"thinking\":" + thinking + "}"));

        assertThat(reply.status()).isEqualTo(202);
        verify(commands).submit(argThat(caller("alice")), eq(Optional.empty()), eq("Why?"), eq(Optional.empty()), eq(""), eq(asked));
    }

    @ParameterizedTest(name = "thinking {0}")
    @ValueSource(strings = {"\"true\"", "\"yes\"", "1", "0", "{}", "[true]"})
    @DisplayName("POST /api/chat/send with a thinking that is not a JSON boolean is 400 INVALID_FIELD: nothing submitted, no allowance used")
    void sendThinkingNotBoolean(String thinking) {
        signedInAs("alice");

        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":\"Why?\",\"thinking\":" + thinking + "}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_FIELD");
        verifyNoInteractions(commands, limits);
    }

    @Test
    @DisplayName("POST /api/chat/send without a signed-in caller is 401 UNAUTHENTICATED and submits nothing")
    void sendUnauthenticated() {
        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":\"Hello\"}"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
        verifyNoInteractions(commands);
    }

    @Test
    @DisplayName("POST /api/chat/send with a body that is not JSON is 400 MALFORMED_JSON and submits nothing")
    void sendMalformed() {
        signedInAs("alice");

        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("MALFORMED_JSON");
        verifyNoInteractions(commands);
    }

    @Test
    @DisplayName("POST /api/chat/send over the caller's allowance is 429 RATE_LIMITED with Retry-After in whole seconds")
    void sendRateLimited() {
        signedInAs("alice");
        when(limits.tryAcquire(any())).thenReturn(Optional.of(Duration.ofMillis(1500)));

        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":\"Hello\"}"));

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(reply.header("Retry-After")).hasToString("2");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SESSION_NOT_FOUND, 404", "SESSION_BUSY, 409", "SESSION_ARCHIVED, 409", "PROMPT_TOO_LARGE, 413",
            "DEPENDENCY_UNAVAILABLE, 503"})
    @DisplayName("POST /api/chat/send refused by the command service answers the refusal's status and code")
    void sendRefused(String code, int status) {
        signedInAs("alice");
        when(commands.submit(any(), any(), any(), any(), any(), anyBoolean())).thenReturn(Outcome.rejected(code, "refused"));

        ApiReply reply = call(ApiRequest.post("/api/chat/send", "{\"prompt\":\"Hello\",\"session_id\":\"sess-existing-1\"}"));

        assertThat(reply.status()).isEqualTo(status);
        assertJson(reply.json(), "{\"error\":{\"code\":\"" + code + "\",\"message\":\"refused\"}}");
    }

    @Test
    @DisplayName("POST /api/chat/stop asks the command service to cancel the caller's request: 202 with its status")
    void stop() {
        signedInAs("alice");
        when(commands.cancel(any(), any())).thenReturn(Outcome.done(new StopRequested(REQUEST.value(), "cancelling")));

        ApiReply reply = call(ApiRequest.post("/api/chat/stop", "{\"request_id\":\"req-client-0001\"}"));

        assertThat(reply.status()).isEqualTo(202);
        assertJson(reply.json(), "{\"request_id\":\"req-client-0001\",\"status\":\"cancelling\"}");
        verify(commands).cancel(argThat(caller("alice")), eq(REQUEST));
    }

    @Test
    @DisplayName("POST /api/chat/stop for an unknown request is 404 REQUEST_NOT_FOUND; a malformed id is 400 before any call")
    void stopRefused() {
        signedInAs("alice");
        when(commands.cancel(any(), any())).thenReturn(Outcome.rejected("REQUEST_NOT_FOUND", "unknown"));

        assertThat(call(ApiRequest.post("/api/chat/stop", "{\"request_id\":\"req-client-0001\"}")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(404))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("REQUEST_NOT_FOUND"));
        assertThat(call(ApiRequest.post("/api/chat/stop", "{\"request_id\":\"bad\"}")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("INVALID_REQUEST_ID"));
        verify(commands).cancel(any(), any());
    }

    @Test
    @DisplayName("GET /api/chat/sessions reads one page of the caller's sessions with the cursor and page_size query parameters")
    void sessions() {
        signedInAs("alice");
        when(queries.sessions(any(), any())).thenReturn(Outcome.done(
                new Page<>(List.of(new SessionSummary(SESSION.value(), "Rome", AT, AT, 2, true)), "cursor-2")));

        ApiReply reply = call(ApiRequest.get("/api/chat/sessions?cursor=cursor-1&page_size=20"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"sessions\":[{\"session_id\":\"sess-existing-1\",\"title\":\"Rome\","
                + "\"updated_at\":\"2026-01-02T03:04:05Z\",\"created_at\":\"2026-01-02T03:04:05Z\",\"message_count\":2,"
                + "\"pinned\":true}],"
                + "\"next_cursor\":\"cursor-2\"}");
        verify(queries).sessions(argThat(caller("alice")), eq(new PageRequest("cursor-1", 20)));
    }

    @ParameterizedTest(name = "page_size={0}")
    @CsvSource({"x", "0", "101"})
    @DisplayName("GET /api/chat/sessions with a page_size that is not 1..100 is 400 INVALID_PAGE_SIZE before any call")
    void sessionsBadPageSize(String pageSize) {
        signedInAs("alice");

        ApiReply reply = call(ApiRequest.get("/api/chat/sessions?page_size=" + pageSize));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_PAGE_SIZE");
        verifyNoInteractions(queries);
    }

    @Test
    @DisplayName("GET /api/chat/sessions while the query service is unreachable is 503 DEPENDENCY_UNAVAILABLE")
    void sessionsUnavailable() {
        signedInAs("alice");
        when(queries.sessions(any(), any())).thenReturn(Outcome.rejected("DEPENDENCY_UNAVAILABLE", "try again"));

        ApiReply reply = call(ApiRequest.get("/api/chat/sessions"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("DEPENDENCY_UNAVAILABLE");
    }

    @Test
    @DisplayName("GET /api/chat/sessions/{id}/messages reads that session's messages for the caller, an answer with its reasoning and model")
    void messages() {
        signedInAs("alice");
        when(queries.messages(any(), any(), any())).thenReturn(Outcome.done(new Page<>(List.of(new MessageEntry(
                REQUEST.value(), "assistant", "Ciao", "completed", AT, 1, "stop", "", "", new TokenUsage(3, 5),
                "They greet in Italian.", "qwen-plus", List.of("req-client-0000", REQUEST.value()))), "")));

        ApiReply reply = call(ApiRequest.get("/api/chat/sessions/sess-existing-1/messages"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json().path("messages").get(0), "{\"request_id\":\"req-client-0001\",\"role\":\"assistant\","
                + "\"content\":\"Ciao\",\"status\":\"completed\",\"created_at\":\"2026-01-02T03:04:05Z\",\"turn\":1,"
                + "\"finish_reason\":\"stop\",\"error_code\":null,\"error_message\":null,"
                + "\"usage\":{\"input_tokens\":3,\"output_tokens\":5},\"reasoning\":\"They greet in Italian.\","
                + "\"model\":\"qwen-plus\",\"versions\":[\"req-client-0000\",\"req-client-0001\"]}");
        verify(queries).messages(argThat(caller("alice")), eq(SESSION), eq(new PageRequest("", 0)));
    }

    @Test
    @DisplayName("GET /api/chat/sessions/{id}/messages gives reasoning null for a prompt and for an answer without reasoning")
    void messagesWithoutReasoning() {
        signedInAs("alice");
        when(queries.messages(any(), any(), any())).thenReturn(Outcome.done(new Page<>(List.of(
                new MessageEntry(REQUEST.value(), "user", "Ciao?", "submitted", AT, 1, "", "", "", null, ""),
                new MessageEntry(REQUEST.value(), "assistant", "Ciao", "completed", AT, 1, "stop", "", "", null, "")), "")));

        ApiReply reply = call(ApiRequest.get("/api/chat/sessions/sess-existing-1/messages"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("messages")).hasSize(2).allSatisfy(m -> {
            assertThat(m.has("reasoning")).as("the field is always there").isTrue();
            assertThat(m.get("reasoning").isNull()).isTrue();
        });
    }

    @Test
    @DisplayName("GET /api/chat/sessions/{id}/messages of another user's session is 404 SESSION_NOT_FOUND; a malformed id is 400")
    void messagesRefused() {
        signedInAs("alice");
        when(queries.messages(any(), any(), any())).thenReturn(Outcome.rejected("SESSION_NOT_FOUND", "no such session"));

        assertThat(call(ApiRequest.get("/api/chat/sessions/sess-existing-1/messages")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(404))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("SESSION_NOT_FOUND"));
        assertThat(call(ApiRequest.get("/api/chat/sessions/sess!0001/messages")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("INVALID_SESSION_ID"));
    }

    @Test
    @DisplayName("GET /api/chat/search finds the caller's messages with the stripped q, the cursor and page_size")
    void search() {
        signedInAs("alice");
        when(queries.search(any(), any(), any())).thenReturn(Outcome.done(new Page<>(List.of(new SearchHit(
                SESSION.value(), "Rome", REQUEST.value(), "user", 2, "…in Rome…", AT)), "hit-2")));

        ApiReply reply = call(ApiRequest.get("/api/chat/search?q=%20Rome%20&cursor=hit-1&page_size=20"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"hits\":[{\"session_id\":\"sess-existing-1\",\"session_title\":\"Rome\","
                + "\"request_id\":\"req-client-0001\",\"role\":\"user\",\"turn\":2,\"snippet\":\"…in Rome…\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\"}],\"next_cursor\":\"hit-2\"}");
        verify(queries).search(argThat(caller("alice")), eq(new SearchTerms("Rome")), eq(new PageRequest("hit-1", 20)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"'', INVALID_QUERY", "q=, INVALID_QUERY", "q=%20%20, INVALID_QUERY", "q=rome&page_size=101, INVALID_PAGE_SIZE",
            "q=rome&page_size=x, INVALID_PAGE_SIZE", "q=rome&cursor=a%20b, INVALID_CURSOR"})
    @DisplayName("GET /api/chat/search with a missing, blank or too long q, or a bad page, is 400 before any call")
    void searchRefused(String query, String code) {
        signedInAs("alice");

        ApiReply reply = call(ApiRequest.get("/api/chat/search?" + query));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(code);
        verifyNoInteractions(queries);
    }

    @Test
    @DisplayName("GET /api/chat/search with q over 100 characters is 400 INVALID_QUERY; 100 are searched")
    void searchLength() {
        signedInAs("alice");
        when(queries.search(any(), any(), any())).thenReturn(Outcome.done(new Page<>(List.of(), "")));

        assertThat(call(ApiRequest.get("/api/chat/search?q=" + "y".repeat(101))).errorCode()).isEqualTo("INVALID_QUERY");
        assertThat(call(ApiRequest.get("/api/chat/search?q=" + "y".repeat(100))).status()).isEqualTo(200);
        verify(queries).search(any(), eq(new SearchTerms("y".repeat(100))), any());
    }

    @Test
    @DisplayName("PATCH /api/chat/sessions/{id} renames that session: 200 with the stored title")
    void rename() {
        signedInAs("alice");
        when(commands.rename(any(), any(), any())).thenReturn(Outcome.done(new SessionRenamed(SESSION.value(), "Rome")));

        ApiReply reply = call(ApiRequest.patch("/api/chat/sessions/sess-existing-1", "{\"title\":\" Rome \"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"session_id\":\"sess-existing-1\",\"title\":\"Rome\"}");
        verify(commands).rename(argThat(caller("alice")), eq(SESSION), eq(" Rome "));
    }

    @Test
    @DisplayName("PATCH /api/chat/sessions/{id} with pinned pins or unpins that session: 200 with the flag, no title")
    void pin() {
        signedInAs("alice");
        when(commands.pin(any(), any(), anyBoolean())).thenAnswer(a -> Outcome.done(
                new SessionPinned(SESSION.value(), a.getArgument(2))));

        ApiReply pinned = call(ApiRequest.patch("/api/chat/sessions/sess-existing-1", "{\"pinned\":true}"));
        ApiReply unpinned = call(ApiRequest.patch("/api/chat/sessions/sess-existing-1", "{\"pinned\":false}"));

        assertThat(pinned.status()).isEqualTo(200);
        assertJson(pinned.json(), "{\"session_id\":\"sess-existing-1\",\"pinned\":true}");
        assertJson(unpinned.json(), "{\"session_id\":\"sess-existing-1\",\"pinned\":false}");
        verify(commands).pin(argThat(caller("alice")), eq(SESSION), eq(true));
        verify(commands).pin(argThat(caller("alice")), eq(SESSION), eq(false));
        verify(commands, never()).rename(any(), any(), any());
    }

    @Test
    @DisplayName("PATCH /api/chat/sessions/{id} with a title and pinned renames, then pins: 200 with both")
    void renameAndPin() {
        signedInAs("alice");
        when(commands.rename(any(), any(), any())).thenReturn(Outcome.done(new SessionRenamed(SESSION.value(), "Rome")));
        when(commands.pin(any(), any(), anyBoolean())).thenReturn(Outcome.done(new SessionPinned(SESSION.value(), true)));

        ApiReply reply = call(ApiRequest.patch("/api/chat/sessions/sess-existing-1",
                "{\"title\":\" Rome \",\"pinned\":true}"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"session_id\":\"sess-existing-1\",\"title\":\"Rome\",\"pinned\":true}");
        var order = inOrder(commands);
        order.verify(commands).rename(argThat(caller("alice")), eq(SESSION), eq(" Rome "));
        order.verify(commands).pin(argThat(caller("alice")), eq(SESSION), eq(true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"pinned\":\"yes\"}", "{\"pinned\":1}", "{\"title\":\"Rome\",\"pinned\":\"true\"}", "{}",
            "{\"pinned\":null}"})
    @DisplayName("PATCH /api/chat/sessions/{id} with a pinned that is not a boolean, or with neither field, is 400 INVALID_FIELD before any call")
    void changeRefused(String body) {
        signedInAs("alice");

        ApiReply reply = call(ApiRequest.patch("/api/chat/sessions/sess-existing-1", body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_FIELD");
        verifyNoInteractions(commands);
    }

    @Test
    @DisplayName("DELETE /api/chat/sessions/{id} deletes that session: 204 with no body and no content type")
    void delete() {
        signedInAs("alice");
        when(commands.delete(any(), any())).thenReturn(Outcome.done(SESSION));

        ApiReply reply = call(ApiRequest.delete("/api/chat/sessions/sess-existing-1"));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.json()).isNull();
        assertThat(reply.headers()).doesNotContainKeys("Content-Type", "Authorization");
        verify(commands).delete(argThat(caller("alice")), eq(SESSION));
    }

    @Test
    @DisplayName("DELETE /api/chat/sessions/{id} of an unknown session is 404 SESSION_NOT_FOUND")
    void deleteRefused() {
        signedInAs("alice");
        when(commands.delete(any(), any())).thenReturn(Outcome.rejected("SESSION_NOT_FOUND", "no such session"));

        ApiReply reply = call(ApiRequest.delete("/api/chat/sessions/sess-existing-1"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("SESSION_NOT_FOUND");
    }

    private static ArgumentMatcher<Caller> caller(String user) {
        return c -> c != null && c.user().value().equals(user);
    }
}
