package io.chatstream.query.projection.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Projecting pinned and unpinned sessions")
class SessionPinsTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingSessionChange changes = new ProjectingSessionChange(models, models, models);

    private final SessionId session = new SessionId("session-0001");
    private final UserId user = new UserId("alice");
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private void prompt() {
        prompts.project(new SubmittedPrompt(new RequestId("request-0001"), session, user, 1, "hi", t0));
    }

    private SessionChange.Pinned pinned(boolean pinned, int second) {
        return new SessionChange.Pinned(session, user, pinned, t0.plusSeconds(second));
    }

    private SessionView view() {
        return models.find(session).orElseThrow();
    }

    @Test
    @DisplayName("a pin sets the flag without moving the session in time; an unpin clears it")
    void pinAndUnpin() {
        prompt();

        changes.project(pinned(true, 10));
        assertThat(view().pinned()).isTrue();
        assertThat(view().updatedAt()).isEqualTo(t0);

        changes.project(pinned(false, 20));
        assertThat(view().pinned()).isFalse();
    }

    @Test
    @DisplayName("an older change delivered late never undoes a newer one; a redelivery changes nothing")
    void lateChange() {
        prompt();
        changes.project(pinned(true, 10));
        changes.project(pinned(false, 20));

        changes.project(pinned(true, 10));

        assertThat(view().pinned()).isFalse();
    }

    @Test
    @DisplayName("a pin projected before the session's first prompt keeps the flag once the prompt arrives")
    void pinBeforePrompt() {
        changes.project(pinned(true, 10));

        prompt();

        assertThat(view().pinned()).isTrue();
        assertThat(view().messageCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a deleted session stays a tombstone: a pin after the delete changes nothing")
    void afterDelete() {
        prompt();
        changes.project(new SessionChange.Deleted(session, user, t0.plusSeconds(5)));

        changes.project(pinned(true, 10));

        assertThat(view().deleted()).isTrue();
        assertThat(view().pinned()).isFalse();
    }
}
