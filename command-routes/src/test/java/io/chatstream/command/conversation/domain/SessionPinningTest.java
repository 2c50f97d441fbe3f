package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.ALICE;
import static io.chatstream.command.conversation.domain.Fixtures.BOB;
import static io.chatstream.command.conversation.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pinning a conversation session")
class SessionPinningTest {

    private final SessionId id = new SessionId("session-1");
    private final ConversationSession session = ConversationSession.start(id, ALICE);
    private final TraceId trace = TraceId.generate();

    @Test
    @DisplayName("the owner pins it, then unpins it: each change is kept and announced")
    void pinAndUnpin() {
        assertThat(session.pin(ALICE, true, trace, T0))
                .isEqualTo(new PinResult.Pinned(new SessionPinned(id, ALICE, trace, true, T0)));
        assertThat(session.isPinned()).isTrue();

        assertThat(session.pin(ALICE, false, trace, T0))
                .isEqualTo(new PinResult.Pinned(new SessionPinned(id, ALICE, trace, false, T0)));
        assertThat(session.isPinned()).isFalse();
    }

    @Test
    @DisplayName("pinning a pinned session, or unpinning an unpinned one, changes and announces nothing")
    void unchanged() {
        assertThat(session.pin(ALICE, false, trace, T0)).isEqualTo(new PinResult.Unchanged(false));
        session.pin(ALICE, true, trace, T0);

        assertThat(session.pin(ALICE, true, trace, T0)).isEqualTo(new PinResult.Unchanged(true));
        assertThat(session.isPinned()).isTrue();
    }

    @Test
    @DisplayName("a stranger, or anyone once it is deleted, is answered like a missing session")
    void refused() {
        assertThat(session.pin(BOB, true, trace, T0)).isEqualTo(new PinResult.Rejected());
        assertThat(session.isPinned()).isFalse();

        session.delete(ALICE, trace, T0);

        assertThat(session.pin(ALICE, true, trace, T0)).isEqualTo(new PinResult.Rejected());
        assertThat(session.isPinned()).isFalse();
    }
}
