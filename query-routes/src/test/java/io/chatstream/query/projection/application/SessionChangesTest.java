package io.chatstream.query.projection.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.application.ListingSessions;
import io.chatstream.query.history.application.PageResult;
import io.chatstream.query.history.application.ReadingSessionMessages;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import io.chatstream.query.streaming.application.FakeAnswerStreams;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Projecting renamed and deleted sessions")
class SessionChangesTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingAnswer answers = new ProjectingAnswer(models, models, models);
    private final ProjectingSessionChange changes = new ProjectingSessionChange(models, models, models);
    private final ListingSessions listing = new ListingSessions(models);
    private final ReadingSessionMessages reading = new ReadingSessionMessages(models, models, new FakeAnswerStreams());

    private final RequestId request = new RequestId("request-0001");
    private final SessionId session = new SessionId("session-0001");
    private final UserId user = new UserId("alice");
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private SubmittedPrompt prompt(RequestId id, int turn, String text) {
        return new SubmittedPrompt(id, session, user, turn, text, t0.plusSeconds(turn));
    }

    private FinishedAnswer answer(RequestId id, int turn) {
        return new FinishedAnswer(id, session, user, turn, new FinalAnswer("completed", "the answer", "the reasoning",
                "stop", "", "", 1, 2), t0.plusSeconds(10 + turn));
    }

    private SessionChange.Renamed renamed(String title, Instant at) {
        return new SessionChange.Renamed(session, user, title, at);
    }

    private SessionChange.Deleted deleted() {
        return new SessionChange.Deleted(session, user, t0.plusSeconds(100));
    }

    private String title() {
        return models.find(session).map(SessionView::title).orElseThrow();
    }

    @Test
    @DisplayName("a rename replaces the title taken from the first prompt")
    void renameAfterPrompt() {
        prompts.project(prompt(request, 1, "What is Camel?"));

        changes.project(renamed("Camel notes", t0.plusSeconds(5)));

        assertThat(title()).isEqualTo("Camel notes");
        assertThat(models.find(session).orElseThrow().messageCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a user-chosen title survives a first prompt projected after it")
    void renameBeforePrompt() {
        changes.project(renamed("Camel notes", t0.plusSeconds(5)));

        prompts.project(prompt(request, 1, "What is Camel?"));

        assertThat(title()).isEqualTo("Camel notes");
    }

    @Test
    @DisplayName("an older rename delivered again does not undo a newer one")
    void renameOrder() {
        changes.project(renamed("new title", t0.plusSeconds(20)));
        changes.project(renamed("old title", t0.plusSeconds(10)));

        assertThat(title()).isEqualTo("new title");
    }

    @Test
    @DisplayName("a delete removes messages and ownerships; the session vanishes from list and history")
    void delete() {
        prompts.project(prompt(request, 1, "secret"));
        answers.project(answer(request, 1));

        changes.project(deleted());

        assertThat(models.messages).isEmpty();
        assertThat(models.ownerships).isEmpty();
        assertThat(models.find(session)).hasValueSatisfying(s -> {
            assertThat(s.deleted()).isTrue();
            assertThat(s.title()).isEmpty();
        });
        assertThat(listing.list("alice", "", 10)).isInstanceOfSatisfying(PageResult.Found.class,
                found -> assertThat(found.page().items()).isEmpty());
        assertThat(reading.read("alice", session.value(), "", 10)).isInstanceOfSatisfying(PageResult.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo(RejectionCodes.SESSION_NOT_FOUND));
    }

    @Test
    @DisplayName("prompts and answers arriving after the delete, and a rename, change nothing; deleting twice too")
    void lateEventsIgnored() {
        changes.project(deleted());

        prompts.project(prompt(request, 1, "late prompt"));
        assertThat(answers.project(answer(new RequestId("request-0002"), 2))).isFalse();
        changes.project(renamed("resurrected?", t0.plusSeconds(200)));
        changes.project(deleted());

        assertThat(models.messages).isEmpty();
        assertThat(models.ownerships).isEmpty();
        assertThat(models.signalled).isEmpty();
        assertThat(models.find(session)).hasValueSatisfying(s -> {
            assertThat(s.deleted()).isTrue();
            assertThat(s.title()).isEmpty();
        });
    }
}
