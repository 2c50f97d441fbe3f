package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.domain.RequestId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Checking a prompt's status")
class CheckingPromptStatusTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.systemUTC();
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger,
            new Fakes.MapCache(), new Fakes.DirectTransactions(),
            new SubmitSettings(100, Duration.ofMinutes(5), new ContextBudget(20, 24_000)), clock);
    private final CheckingPromptStatus checking = new CheckingPromptStatus(prompts, sessions);

    private SubmitOutcome.Accepted submitted(String user, String requestId) {
        return (SubmitOutcome.Accepted) submitting.submit(new SubmitPrompt(user, "", "hi", requestId, ""));
    }

    @Test
    @DisplayName("of the caller's own prompt says accepted, with when it was accepted")
    void ownPrompt() {
        SubmitOutcome.Accepted accepted = submitted("alice", "req-status-0001");

        assertThat(checking.check(new GetPromptStatus("alice", "req-status-0001", "")))
                .isEqualTo(new PromptStatus.Accepted(accepted.requestId(), accepted.acceptedAt()));
    }

    @Test
    @DisplayName("stays accepted after the answer ended: the prompt was accepted, whatever became of it")
    void answered() {
        SubmitOutcome.Accepted accepted = submitted("alice", "req-status-0002");
        new RecordingAnswer(sessions, prompts, new Fakes.MemoryDailyTokens(), new Fakes.DirectTransactions(), clock)
                .record(new RecordAnswer(accepted.requestId(), AnswerState.FAILED, "", 0));

        assertThat(checking.check(new GetPromptStatus("alice", "req-status-0002", "")))
                .isInstanceOf(PromptStatus.Accepted.class);
    }

    @Test
    @DisplayName("of an unknown id and of another user's prompt gives the same answer: not accepted")
    void unknownAndForeignLookAlike() {
        submitted("alice", "req-status-0003");

        PromptStatus foreign = checking.check(new GetPromptStatus("bob", "req-status-0003", ""));
        PromptStatus unknown = checking.check(new GetPromptStatus("bob", "req-status-9999", ""));

        assertThat(foreign).isEqualTo(new PromptStatus.NotAccepted(new RequestId("req-status-0003")));
        assertThat(unknown).isEqualTo(new PromptStatus.NotAccepted(new RequestId("req-status-9999")));
    }

    @Test
    @DisplayName("of a prompt whose session was deleted says not accepted, as for a prompt that never was")
    void deletedSession() {
        SubmitOutcome.Accepted accepted = submitted("alice", "req-status-0004");
        new DeletingSession(sessions, prompts, outbox, trigger, new Fakes.DirectTransactions(), clock)
                .delete(new DeleteSession("alice", accepted.sessionId().value(), ""));

        assertThat(checking.check(new GetPromptStatus("alice", "req-status-0004", "")))
                .isEqualTo(new PromptStatus.NotAccepted(accepted.requestId()));
    }

    @Test
    @DisplayName("refuses malformed user and request ids")
    void malformed() {
        assertThat(checking.check(new GetPromptStatus("", "req-status-0005", "")))
                .isEqualTo(new PromptStatus.Rejected(CommandError.INVALID_USER_ID));
        assertThat(checking.check(new GetPromptStatus("alice", "bad id!", "")))
                .isEqualTo(new PromptStatus.Rejected(CommandError.INVALID_REQUEST_ID));
    }
}
