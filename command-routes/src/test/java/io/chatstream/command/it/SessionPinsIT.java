package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.PinSessionResponse;
import io.chatstream.proto.v1.SessionChanged;
import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command service pinning sessions")
class SessionPinsIT extends CommandItSupport {

    private PinSessionResponse pin(String user, String session, boolean pinned) {
        return stub.pinSession(PinSessionRequest.newBuilder().setUserId(user).setSessionId(session).setPinned(pinned)
                .build());
    }

    private List<SessionChanged> pinChanges(String session) {
        return sessionChanged.all().stream().filter(r -> r.key().equals(session))
                .map(r -> EventJson.read(r.value(), SessionChanged.getDefaultInstance()))
                .filter(e -> e.getChangeCase() == SessionChanged.ChangeCase.PINNED).toList();
    }

    @Test
    @DisplayName("pins and unpins a session, publishing SessionChanged{pinned} keyed by it; a repeated pin publishes "
            + "nothing")
    void pinAndUnpin() throws InterruptedException {
        String session = stub.submitPrompt(request("it-pin-1", "", "keep me on top", "").build()).getSessionId();

        PinSessionResponse pinned = pin("it-pin-1", session, true);

        assertThat(pinned.getSessionId()).isEqualTo(session);
        assertThat(pinned.getPinned()).isTrue();
        SessionChanged event = EventJson.read(sessionChanged.await(r -> r.key().equals(session)).value(),
                SessionChanged.getDefaultInstance());
        assertThat(event.getChangeCase()).isEqualTo(SessionChanged.ChangeCase.PINNED);
        assertThat(event.getPinned().getPinned()).isTrue();
        assertThat(event.getUserId()).isEqualTo("it-pin-1");
        assertThat(event.getEventId()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT pinned FROM sessions WHERE id = ?", Boolean.class, session)).isTrue();

        assertThat(pin("it-pin-1", session, true).getPinned()).isTrue();
        Thread.sleep(2500); // longer than the relay's fallback poll
        assertThat(sessionChanged.count(r -> r.key().equals(session))).isEqualTo(1);

        assertThat(pin("it-pin-1", session, false).getPinned()).isFalse();
        sessionChanged.await(r -> r.key().equals(session) && !EventJson.read(r.value(),
                SessionChanged.getDefaultInstance()).getPinned().getPinned());
        assertThat(pinChanges(session)).extracting(e -> e.getPinned().getPinned()).containsExactly(true, false);
        assertThat(jdbc.queryForObject("SELECT pinned FROM sessions WHERE id = ?", Boolean.class, session)).isFalse();
    }

    @Test
    @DisplayName("another user's session, or a deleted one, is NOT_FOUND SESSION_NOT_FOUND and stays unpinned")
    void refused() {
        String session = stub.submitPrompt(request("it-pin-2", "", "mine", "").build()).getSessionId();

        assertError(() -> pin("it-pin-other", session, true), Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
        stub.deleteSession(DeleteSessionRequest.newBuilder().setUserId("it-pin-2").setSessionId(session).build());
        assertError(() -> pin("it-pin-2", session, true), Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);

        assertThat(jdbc.queryForObject("SELECT pinned FROM sessions WHERE id = ?", Boolean.class, session)).isFalse();
    }
}
