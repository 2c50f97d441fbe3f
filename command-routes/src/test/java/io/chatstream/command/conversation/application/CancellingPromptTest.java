package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.PromptCancelled;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cancelling a prompt")
class CancellingPromptTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.systemUTC();
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger,
            new Fakes.MapCache(), new Fakes.DirectTransactions(),
            new SubmitSettings(100, Duration.ofMinutes(5), new ContextBudget(20, 24_000)), clock);
    private final CancellingPrompt cancelling = new CancellingPrompt(prompts, outbox, trigger,
            new Fakes.DirectTransactions(), clock);

    @Test
    @DisplayName("while its answer is in flight queues PromptCancelled and says 'cancelling'")
    void inFlight() {
        SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) submitting.submit(
                new SubmitPrompt("alice", "", "hi", "", ""));

        CancelOutcome outcome = cancelling.cancel(new CancelPrompt("alice", accepted.requestId().value(), ""));

        assertThat(outcome).isEqualTo(new CancelOutcome.Cancelling(accepted.requestId()));
        assertThat(outbox.events).last().isInstanceOfSatisfying(PromptCancelled.class,
                e -> assertThat(e.sessionId()).isEqualTo(accepted.sessionId()));
        assertThat(trigger.wakeUps).isEqualTo(2);
    }

    @Test
    @DisplayName("after its answer ended says 'finished' and queues nothing")
    void finished() {
        SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) submitting.submit(
                new SubmitPrompt("alice", "", "hi", "", ""));
        new RecordingAnswer(sessions, prompts, new Fakes.MemoryDailyTokens(), new Fakes.DirectTransactions(), clock)
                .record(new RecordAnswer(accepted.requestId(), AnswerState.COMPLETED, "done", 0));

        CancelOutcome outcome = cancelling.cancel(new CancelPrompt("alice", accepted.requestId().value(), ""));

        assertThat(outcome).isEqualTo(new CancelOutcome.Finished(accepted.requestId()));
        assertThat(outbox.events).hasSize(1);
    }

    @Test
    @DisplayName("of an unknown or someone else's request answers 'not found'")
    void notFound() {
        SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) submitting.submit(
                new SubmitPrompt("alice", "", "hi", "", ""));

        assertThat(cancelling.cancel(new CancelPrompt("bob", accepted.requestId().value(), "")))
                .isEqualTo(new CancelOutcome.Rejected(CommandError.REQUEST_NOT_FOUND));
        assertThat(cancelling.cancel(new CancelPrompt("alice", "unknown-request", "")))
                .isEqualTo(new CancelOutcome.Rejected(CommandError.REQUEST_NOT_FOUND));
    }
}
