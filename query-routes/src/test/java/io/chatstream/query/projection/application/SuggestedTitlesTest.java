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

@DisplayName("Projecting titles the model suggested")
class SuggestedTitlesTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingSessionChange changes = new ProjectingSessionChange(models, models, models);

    private final SessionId session = new SessionId("session-0001");
    private final UserId user = new UserId("alice");
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private void firstPrompt() {
        prompts.project(new SubmittedPrompt(new RequestId("request-0001"), session, user, 1, "what is camel", t0));
    }

    private void suggested(String title, Instant at) {
        changes.project(new SessionChange.Renamed(session, user, title, at, true));
    }

    private void renamed(String title, Instant at) {
        changes.project(new SessionChange.Renamed(session, user, title, at));
    }

    private String title() {
        return models.find(session).map(SessionView::title).orElseThrow();
    }

    @Test
    @DisplayName("a suggested title replaces the first prompt's and survives a first prompt projected after it")
    void outranksThePrompt() {
        firstPrompt();
        suggested("What Is Camel", t0.plusSeconds(5));
        assertThat(title()).isEqualTo("What Is Camel");

        InMemoryReadModels late = new InMemoryReadModels();
        new ProjectingSessionChange(late, late, late).project(new SessionChange.Renamed(session, user, "What Is Camel",
                t0.plusSeconds(5), true));
        new ProjectingPrompt(late, late, late, late).project(new SubmittedPrompt(new RequestId("request-0001"), session,
                user, 1, "what is camel", t0));
        assertThat(late.find(session).orElseThrow().title()).isEqualTo("What Is Camel");
    }

    @Test
    @DisplayName("the owner's rename replaces a suggested title, even one dated later; a suggestion never replaces the owner's")
    void ownerWins() {
        firstPrompt();
        suggested("What Is Camel", t0.plusSeconds(10));
        renamed("Camel notes", t0.plusSeconds(9));
        assertThat(title()).isEqualTo("Camel notes");

        suggested("What Is Camel", t0.plusSeconds(20));
        assertThat(title()).isEqualTo("Camel notes");
    }

    @Test
    @DisplayName("a suggestion for a deleted session changes nothing")
    void deleted() {
        firstPrompt();
        changes.project(new SessionChange.Deleted(session, user, t0.plusSeconds(5)));
        suggested("What Is Camel", t0.plusSeconds(6));
        assertThat(title()).isEmpty();
    }
}
