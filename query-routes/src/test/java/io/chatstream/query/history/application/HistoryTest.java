package io.chatstream.query.history.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.projection.application.InMemoryReadModels;
import io.chatstream.query.projection.application.ProjectingPrompt;
import io.chatstream.query.projection.application.ProjectingSessionChange;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import io.chatstream.query.streaming.application.FakeAnswerStreams;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HistoryTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final FakeAnswerStreams streams = new FakeAnswerStreams();
    private final ReadingSessionMessages reading = new ReadingSessionMessages(models, models, streams);
    private final ListingSessions listing = new ListingSessions(models);
    private final ProjectingPrompt prompts = new ProjectingPrompt(models, models, models, models);
    private final ProjectingSessionChange changes = new ProjectingSessionChange(models, models, models);
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private void prompt(String request, String session, int turn, int minute) {
        prompts.project(new SubmittedPrompt(new RequestId(request), new SessionId(session), new UserId("alice"), turn,
                "prompt " + turn, t0.plusSeconds(60L * minute)));
    }

    @Test
    @DisplayName("messages page in turn order and the last page has no cursor")
    void pagesMessages() {
        prompt("request-0001", "session-0001", 1, 0);
        prompt("request-0002", "session-0001", 2, 1);

        var first = (PageResult.Found<MessageView>) reading.read("alice", "session-0001", "", 3);
        var second = (PageResult.Found<MessageView>) reading.read("alice", "session-0001", first.page().nextCursor(), 3);

        assertThat(first.page().items()).extracting(m -> m.role().wire() + m.turn())
                .containsExactly("user1", "assistant1", "user2");
        assertThat(second.page().items()).extracting(m -> m.role().wire() + m.turn()).containsExactly("assistant2");
        assertThat(second.page().nextCursor()).isEmpty();
    }

    @Test
    @DisplayName("shows the branch the session chose, each message with the versions of its turn, in order and paged")
    void showsChosenBranch() {
        SessionId session = new SessionId("session-0001");
        versioned("request-0001", "", 1, 0, 1);
        versioned("request-0002", "request-0001", 2, 1, 3);
        versioned("request-0003", "request-0001", 2, 2, 5); // a regenerate of turn 2
        versioned("request-0004", "", 1, 3, 7); // an edit of turn 1

        var edited = (PageResult.Found<MessageView>) reading.read("alice", session.value(), "", 10);
        assertThat(edited.page().items()).extracting(MessageView::requestId).containsExactly("request-0004", "request-0004");
        assertThat(edited.page().items().get(0).versions()).containsExactly("request-0001", "request-0004");

        select(session, "request-0003", 9);
        select(session, "request-0002", 8); // older: arrives late, changes nothing

        var first = (PageResult.Found<MessageView>) reading.read("alice", session.value(), "", 3);
        var second = (PageResult.Found<MessageView>) reading.read("alice", session.value(), first.page().nextCursor(), 3);
        assertThat(first.page().items()).extracting(m -> m.role().wire() + " " + m.requestId())
                .containsExactly("user request-0001", "assistant request-0001", "user request-0003");
        assertThat(second.page().items()).extracting(m -> m.role().wire() + " " + m.requestId())
                .containsExactly("assistant request-0003");
        assertThat(second.page().items().get(0).versions()).containsExactly("request-0002", "request-0003");
    }

    private void versioned(String request, String parent, int turn, int minute, long sessionVersion) {
        prompts.project(new SubmittedPrompt(new RequestId(request), new SessionId("session-0001"), new UserId("alice"),
                turn, "prompt " + request, t0.plusSeconds(60L * minute), parent, sessionVersion));
    }

    private void select(SessionId session, String head, long sessionVersion) {
        changes.project(new SessionChange.VersionSelected(session, new UserId("alice"), head, sessionVersion,
                t0.plusSeconds(3600)));
    }

    @Test
    @DisplayName("someone else's session, a bad page size and a bad cursor are refused with their codes")
    void refusals() {
        prompt("request-0001", "session-0001", 1, 0);

        assertThat(code(reading.read("mallory", "session-0001", "", 0))).isEqualTo(RejectionCodes.SESSION_NOT_FOUND);
        assertThat(code(reading.read("alice", "session-9999", "", 0))).isEqualTo(RejectionCodes.SESSION_NOT_FOUND);
        assertThat(code(reading.read("alice", "session-0001", "", 101))).isEqualTo(RejectionCodes.INVALID_PAGE_SIZE);
        assertThat(code(reading.read("alice", "session-0001", "!!", 0))).isEqualTo(RejectionCodes.INVALID_CURSOR);
        assertThat(code(reading.read("alice", "bad session", "", 0))).isEqualTo(RejectionCodes.INVALID_SESSION_ID);
        assertThat(code(listing.list("alice", "", -5))).isEqualTo(RejectionCodes.INVALID_PAGE_SIZE);
    }

    @Test
    @DisplayName("sessions list newest first, page by page")
    void listsSessions() {
        prompt("request-0001", "session-000a", 1, 0);
        prompt("request-0002", "session-000b", 1, 5);
        prompt("request-0003", "session-000c", 1, 2);

        var first = (PageResult.Found<SessionView>) listing.list("alice", "", 2);
        var second = (PageResult.Found<SessionView>) listing.list("alice", first.page().nextCursor(), 2);

        assertThat(first.page().items()).extracting(s -> s.sessionId().value())
                .containsExactly("session-000b", "session-000c");
        assertThat(second.page().items()).extracting(s -> s.sessionId().value()).containsExactly("session-000a");
    }

    private static String code(PageResult<?> result) {
        return ((PageResult.Rejected<?>) result).rejection().code();
    }

    @Test
    @DisplayName("a queued answer shows as streaming once its live stream exists, and as queued before")
    void streamingStatus() {
        prompt("request-0001", "session-0001", 1, 0);

        var before = (PageResult.Found<MessageView>) reading.read("alice", "session-0001", "", 10);
        streams.exists = true;
        var during = (PageResult.Found<MessageView>) reading.read("alice", "session-0001", "", 10);

        assertThat(before.page().items().get(1)).extracting(MessageView::role, MessageView::status)
                .containsExactly(MessageCursor.Role.ASSISTANT, "queued");
        assertThat(during.page().items().get(1)).extracting(MessageView::role, MessageView::status)
                .containsExactly(MessageCursor.Role.ASSISTANT, "streaming");
    }
}
