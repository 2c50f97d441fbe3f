package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.SessionDeleted;
import io.chatstream.command.conversation.domain.SessionRenamed;
import io.chatstream.command.conversation.domain.SessionTitle;
import io.chatstream.domain.SessionId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Renaming and deleting a session")
class SessionManagementTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.systemUTC();
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger,
            new Fakes.MapCache(), new Fakes.DirectTransactions(),
            new SubmitSettings(100, Duration.ofMinutes(5), new ContextBudget(20, 24_000)), clock);
    private final RenamingSession renaming = new RenamingSession(sessions, outbox, trigger,
            new Fakes.DirectTransactions(), clock);
    private final DeletingSession deleting = new DeletingSession(sessions, prompts, outbox, trigger,
            new Fakes.DirectTransactions(), clock);

    private SessionId aliceSession() {
        return ((SubmitOutcome.Accepted) submitting.submit(new SubmitPrompt("alice", "", "hi", "", ""))).sessionId();
    }

    @Test
    @DisplayName("a rename stores the trimmed title, queues SessionRenamed and wakes the relay")
    void rename() {
        SessionId id = aliceSession();

        RenameOutcome outcome = renaming.rename(new RenameSession("alice", id.value(), " Rome ", ""));

        assertThat(outcome).isEqualTo(new RenameOutcome.Renamed(id, new SessionTitle("Rome")));
        assertThat(sessions.find(id).orElseThrow().title()).contains(new SessionTitle("Rome"));
        assertThat(outbox.events).last().isInstanceOfSatisfying(SessionRenamed.class,
                e -> assertThat(e.title().value()).isEqualTo("Rome"));
        assertThat(trigger.wakeUps).isEqualTo(2);
    }

    @Test
    @DisplayName("a bad title, a malformed id, a stranger or an unknown session are refused and queue nothing")
    void renameRefused() {
        SessionId id = aliceSession();

        assertThat(renaming.rename(new RenameSession("alice", id.value(), "a\u0001", "")))
                .isEqualTo(new RenameOutcome.Rejected(CommandError.INVALID_TITLE));
        assertThat(renaming.rename(new RenameSession("alice", "not a session id!", "x", "")))
                .isEqualTo(new RenameOutcome.Rejected(CommandError.INVALID_SESSION_ID));
        assertThat(renaming.rename(new RenameSession("bob", id.value(), "x", "")))
                .isEqualTo(new RenameOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        assertThat(renaming.rename(new RenameSession("alice", SessionId.generate().value(), "x", "")))
                .isEqualTo(new RenameOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        assertThat(outbox.events).hasSize(1);
    }

    @Test
    @DisplayName("a delete queues SessionDeleted once; deleting again still says deleted")
    void delete() {
        SessionId id = aliceSession();

        assertThat(deleting.delete(new DeleteSession("alice", id.value(), "")))
                .isEqualTo(new DeleteOutcome.Deleted(id));
        assertThat(deleting.delete(new DeleteSession("alice", id.value(), "")))
                .isEqualTo(new DeleteOutcome.Deleted(id));

        assertThat(outbox.events.stream().filter(SessionDeleted.class::isInstance)).hasSize(1);
        assertThat(trigger.wakeUps).isEqualTo(2);
    }

    @Test
    @DisplayName("after a delete, submits and renames get 'session not found'; strangers never could delete")
    void deletedIsGone() {
        SessionId id = aliceSession();
        assertThat(deleting.delete(new DeleteSession("bob", id.value(), "")))
                .isEqualTo(new DeleteOutcome.Rejected(CommandError.SESSION_NOT_FOUND));

        deleting.delete(new DeleteSession("alice", id.value(), ""));

        assertThat(submitting.submit(new SubmitPrompt("alice", id.value(), "again", "", "")))
                .isEqualTo(new SubmitOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        assertThat(renaming.rename(new RenameSession("alice", id.value(), "x", "")))
                .isEqualTo(new RenameOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
    }
}
