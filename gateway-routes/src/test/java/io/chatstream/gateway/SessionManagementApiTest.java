package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.RenameSessionRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PATCH and DELETE /api/chat/sessions/{id} over real HTTP against the fake command service. */
class SessionManagementApiTest extends GatewayTestSupport {

    @Test
    @DisplayName("PATCH renames a session with the caller's id and answers 200 with the stored title")
    void renames() throws Exception {
        String token = devToken("alice");

        HttpResponse<String> r = patch("/api/chat/sessions/sess-existing-1", "{\"title\":\"  Trip to Rome 🇮🇹 \"}", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("session_id").asText()).isEqualTo("sess-existing-1");
        assertThat(json(r).get("title").asText()).isEqualTo("Trip to Rome 🇮🇹");
        RenameSessionRequest sent = FAKES.command.lastRename.get();
        assertThat(sent.getUserId()).isEqualTo("alice");
        assertThat(sent.getSessionId()).isEqualTo("sess-existing-1");
        assertThat(sent.getTraceId()).matches("[0-9a-f]{32}");
    }

    @Test
    @DisplayName("a bad body or title is a 400, an unknown or foreign session a 404, a missing token a 401")
    void renameErrors() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"title\":", token), 400))
                .isEqualTo("MALFORMED_JSON");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"title\":7}", token), 400))
                .isEqualTo("INVALID_FIELD");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{}", token), 400))
                .isEqualTo("INVALID_FIELD");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"title\":\"   \"}", token), 400))
                .isEqualTo("INVALID_TITLE");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"title\":\"" + "x".repeat(121) + "\"}",
                token), 400)).isEqualTo("INVALID_TITLE");
        assertThat(errorCode(patch("/api/chat/sessions/bad%20id", "{\"title\":\"t\"}", token), 400))
                .isEqualTo("INVALID_SESSION_ID");
        assertThat(errorCode(patch("/api/chat/sessions/sess-unknown-1", "{\"title\":\"t\"}", token), 404))
                .isEqualTo("SESSION_NOT_FOUND");
        assertThat(patch("/api/chat/sessions/sess-existing-1", "{\"title\":\"t\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("PATCH pins and unpins a session with the caller's id and answers 200 with the flag")
    void pins() throws Exception {
        String token = devToken("alice");

        HttpResponse<String> r = patch("/api/chat/sessions/sess-existing-1", "{\"pinned\":true}", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("session_id").asText()).isEqualTo("sess-existing-1");
        assertThat(json(r).get("pinned").asBoolean()).isTrue();
        assertThat(json(r).has("title")).isFalse();
        PinSessionRequest sent = FAKES.command.lastPin.get();
        assertThat(sent.getUserId()).isEqualTo("alice");
        assertThat(sent.getPinned()).isTrue();
        assertThat(sent.getTraceId()).matches("[0-9a-f]{32}");
        assertThat(json(patch("/api/chat/sessions/sess-existing-1", "{\"pinned\":false}", token)).get("pinned")
                .asBoolean()).isFalse();
    }

    @Test
    @DisplayName("a pinned that is not a boolean is 400 INVALID_FIELD; an unknown or foreign session a 404")
    void pinErrors() throws Exception {
        String token = devToken("alice");
        FAKES.command.lastPin.set(null);
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"pinned\":\"yes\"}", token), 400))
                .isEqualTo("INVALID_FIELD");
        assertThat(errorCode(patch("/api/chat/sessions/sess-existing-1", "{\"title\":\"t\",\"pinned\":1}", token),
                400)).isEqualTo("INVALID_FIELD");
        assertThat(FAKES.command.lastPin.get()).isNull();
        assertThat(errorCode(patch("/api/chat/sessions/sess-unknown-1", "{\"pinned\":true}", token), 404))
                .isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    @DisplayName("DELETE deletes a session with the caller's id and answers 204 without a body")
    void deletes() throws Exception {
        String token = devToken("bob");

        HttpResponse<String> r = delete("/api/chat/sessions/sess-existing-2", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("authorization"));
        DeleteSessionRequest sent = FAKES.command.lastDelete.get();
        assertThat(sent.getUserId()).isEqualTo("bob");
        assertThat(sent.getSessionId()).isEqualTo("sess-existing-2");
    }

    @Test
    @DisplayName("deleting an unknown or foreign session is a 404; a malformed id a 400; no token a 401")
    void deleteErrors() throws Exception {
        String token = devToken("bob");
        assertThat(errorCode(delete("/api/chat/sessions/sess-unknown-2", token), 404)).isEqualTo("SESSION_NOT_FOUND");
        assertThat(errorCode(delete("/api/chat/sessions/bad%20id", token), 400)).isEqualTo("INVALID_SESSION_ID");
        assertThat(delete("/api/chat/sessions/sess-existing-2", null).statusCode()).isEqualTo(401);
    }
}
