package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.ContextTurn;
import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.AnswerOptions;
import io.chatstream.command.conversation.domain.PromptSubmitted;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Submitting a prompt")
class SubmittingPromptTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00.123456Z"), ZoneOffset.UTC);
    private final SubmitSettings settings = new SubmitSettings(10, Duration.ofMinutes(5), new ContextBudget(20, 24_000));
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger,
            new Fakes.MapCache(), new Fakes.DirectTransactions(), settings, clock);
    private final RecordingAnswer recording = new RecordingAnswer(sessions, prompts, new Fakes.MemoryDailyTokens(), new Fakes.DirectTransactions(), clock);

    @Test
    @DisplayName("without a session starts one, accepts turn 1, queues the event and wakes the relay")
    void newSession() {
        SubmitOutcome outcome = submitting.submit(new SubmitPrompt("alice", "", " hi ", "req-00001", ""));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Accepted.class, accepted -> {
            assertThat(accepted.requestId().value()).isEqualTo("req-00001");
            assertThat(accepted.turn()).isEqualTo(1);
            assertThat(accepted.acceptedAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z"));
        });
        assertThat(outbox.events).singleElement().isInstanceOfSatisfying(PromptSubmitted.class, e -> {
            assertThat(e.prompt().value()).isEqualTo("hi");
            assertThat(e.context()).isEmpty();
        });
        assertThat(trigger.wakeUps).isEqualTo(1);
    }

    @Test
    @DisplayName("the model and thinking the person chose ride in the event; without a choice, the default model, no thinking")
    void answerOptions() {
        assertThat(submitting.submit(
                new SubmitPrompt("alice", "", "think", "req-00001", "", new AnswerOptions("qwq-plus", true))))
                .isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(submitting.submit(new SubmitPrompt("bob", "", "answer", "req-00002", "")))
                .isInstanceOf(SubmitOutcome.Accepted.class);

        assertThat(outbox.events).extracting(e -> ((PromptSubmitted) e).options())
                .containsExactly(new AnswerOptions("qwq-plus", true), AnswerOptions.DEFAULT);
    }

    @Test
    @DisplayName("again with the same request id returns the first answer and queues nothing new")
    void idempotent() {
        SubmitOutcome first = submitting.submit(new SubmitPrompt("alice", "", "hi", "req-00001", ""));

        SubmitOutcome again = submitting.submit(new SubmitPrompt("alice", "", "something else", "req-00001", ""));

        assertThat(again).isEqualTo(first);
        assertThat(outbox.events).hasSize(1);
        assertThat(sessions.count()).isEqualTo(1);
    }

    @Test
    @DisplayName("with someone else's request id is refused without a hint")
    void othersRequestId() {
        submitting.submit(new SubmitPrompt("alice", "", "hi", "req-00001", ""));

        assertThat(submitting.submit(new SubmitPrompt("bob", "", "hi", "req-00001", "")))
                .isEqualTo(new SubmitOutcome.Rejected(CommandError.INVALID_REQUEST_ID));
    }

    @Test
    @DisplayName("with malformed ids or text says which part is wrong")
    void badInput() {
        assertThat(reject(new SubmitPrompt("a b", "", "hi", "", ""))).isEqualTo(CommandError.INVALID_USER_ID);
        assertThat(reject(new SubmitPrompt("alice", "", "hi", "short", ""))).isEqualTo(CommandError.INVALID_REQUEST_ID);
        assertThat(reject(new SubmitPrompt("alice", "bad id!", "hi", "", ""))).isEqualTo(CommandError.INVALID_SESSION_ID);
        assertThat(reject(new SubmitPrompt("alice", "", "  ", "", ""))).isEqualTo(CommandError.PROMPT_EMPTY);
        assertThat(reject(new SubmitPrompt("alice", "", "a\u0000", "", ""))).isEqualTo(CommandError.PROMPT_INVALID);
        assertThat(reject(new SubmitPrompt("alice", "", "x".repeat(11), "", ""))).isEqualTo(CommandError.PROMPT_TOO_LARGE);
        assertThat(outbox.events).isEmpty();
    }

    @Test
    @DisplayName("into an unknown or someone else's session answers 'not found' for both")
    void notFound() {
        SubmitOutcome.Accepted alices = accept(new SubmitPrompt("alice", "", "hi", "", ""));

        assertThat(reject(new SubmitPrompt("alice", "no-such-session", "hi", "", "")))
                .isEqualTo(CommandError.SESSION_NOT_FOUND);
        assertThat(reject(new SubmitPrompt("bob", alices.sessionId().value(), "hi", "", "")))
                .isEqualTo(CommandError.SESSION_NOT_FOUND);
    }

    @Test
    @DisplayName("while the previous answer is in flight is refused as busy")
    void busy() {
        SubmitOutcome.Accepted first = accept(new SubmitPrompt("alice", "", "hi", "", ""));

        assertThat(reject(new SubmitPrompt("alice", first.sessionId().value(), "next", "", "")))
                .isEqualTo(CommandError.SESSION_BUSY);
    }

    @Test
    @DisplayName("after the answer came back is accepted as the next turn, with the earlier turn as context")
    void nextTurnWithContext() {
        SubmitOutcome.Accepted first = accept(new SubmitPrompt("alice", "", "hi", "", ""));
        recording.record(new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "hello!", 0));

        SubmitOutcome.Accepted second = accept(new SubmitPrompt("alice", first.sessionId().value(), "more", "", ""));

        assertThat(second.turn()).isEqualTo(2);
        assertThat(((PromptSubmitted) outbox.events.get(1)).context()).containsExactly(
                new ContextTurn(ContextTurn.Role.USER, "hi"), new ContextTurn(ContextTurn.Role.ASSISTANT, "hello!"));
    }

    @Test
    @DisplayName("records a repeated answer only once")
    void answerIdempotent() {
        SubmitOutcome.Accepted first = accept(new SubmitPrompt("alice", "", "hi", "", ""));
        RecordAnswer answer = new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "hello!", 0);

        assertThat(recording.record(answer)).isEqualTo(RecordingAnswer.Result.RECORDED);
        assertThat(recording.record(answer)).isEqualTo(RecordingAnswer.Result.ALREADY_RECORDED);
        assertThat(recording.record(new RecordAnswer(RequestId.generate(), AnswerState.FAILED, "", 0)))
                .isEqualTo(RecordingAnswer.Result.UNKNOWN_REQUEST);
    }

    @Test
    @DisplayName("decides again when another writer changed the session in between")
    void retriesAfterConcurrentChange() {
        SubmitOutcome.Accepted first = accept(new SubmitPrompt("alice", "", "hi", "", ""));
        recording.record(new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "hello!", 0));
        Sessions flaky = new Sessions() {
            private boolean conflicted;

            @Override
            public Optional<ConversationSession> find(SessionId id) {
                return sessions.find(id);
            }

            @Override
            public int countKeptBy(io.chatstream.domain.UserId owner) {
                return sessions.countKeptBy(owner);
            }

            @Override
            public void save(ConversationSession session) {
                if (!conflicted) {
                    conflicted = true;
                    throw new ConcurrentSessionChange("someone else was faster");
                }
                sessions.save(session);
            }
        };
        SubmittingPrompt racing = new SubmittingPrompt(flaky, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger, new Fakes.MapCache(),
                new Fakes.DirectTransactions(), settings, clock);

        SubmitOutcome second = racing.submit(new SubmitPrompt("alice", first.sessionId().value(), "more", "", ""));

        assertThat(second).isInstanceOfSatisfying(SubmitOutcome.Accepted.class, a -> assertThat(a.turn()).isEqualTo(2));
    }

    private SubmitOutcome.Accepted accept(SubmitPrompt command) {
        return (SubmitOutcome.Accepted) submitting.submit(command);
    }

    private CommandError reject(SubmitPrompt command) {
        return ((SubmitOutcome.Rejected) submitting.submit(command)).error();
    }

    @Test
    @DisplayName("once the user's answers today used the daily token budget: QUOTA_EXCEEDED, nothing queued; repeats, others and tomorrow unaffected")
    void dailyTokenBudget() {
        Fakes.MemoryDailyTokens tokens = new Fakes.MemoryDailyTokens();
        SubmitSettings budgeted = new SubmitSettings(10, Duration.ofMinutes(5), new ContextBudget(20, 24_000), 100, 0);
        SubmittingPrompt limited = new SubmittingPrompt(sessions, prompts, tokens, outbox, trigger, new Fakes.MapCache(),
                new Fakes.DirectTransactions(), budgeted, clock);
        RecordingAnswer recorder = new RecordingAnswer(sessions, prompts, tokens, new Fakes.DirectTransactions(), clock);
        SubmitOutcome.Accepted first = (SubmitOutcome.Accepted) limited.submit(
                new SubmitPrompt("alice", "", "hi", "req-00001", ""));
        recorder.record(new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "hello", 60));
        recorder.record(new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "hello", 60));
        assertThat(tokens.spentOn(new io.chatstream.domain.UserId("alice"), java.time.LocalDate.of(2026, 1, 1)))
                .as("a redelivered answer is counted once").isEqualTo(60);
        SubmitOutcome.Accepted second = (SubmitOutcome.Accepted) limited.submit(
                new SubmitPrompt("alice", first.sessionId().value(), "again", "req-00002", ""));
        recorder.record(new RecordAnswer(second.requestId(), AnswerState.COMPLETED, "x", 50));
        int queued = outbox.events.size();

        assertThat(limited.submit(new SubmitPrompt("alice", "", "third", "req-00003", "")))
                .isEqualTo(new SubmitOutcome.Rejected(CommandError.QUOTA_EXCEEDED));
        assertThat(outbox.events).as("nothing reaches the model").hasSize(queued);
        assertThat(limited.submit(new SubmitPrompt("alice", "", "hi", "req-00001", ""))).isEqualTo(first);
        assertThat(limited.submit(new SubmitPrompt("bob", "", "hi", "req-00004", "")))
                .isInstanceOf(SubmitOutcome.Accepted.class);
        SubmittingPrompt tomorrow = new SubmittingPrompt(sessions, prompts, tokens, outbox, trigger,
                new Fakes.MapCache(), new Fakes.DirectTransactions(), budgeted, Clock.offset(clock, Duration.ofDays(1)));
        assertThat(tomorrow.submit(new SubmitPrompt("alice", "", "new day", "req-00005", "")))
                .isInstanceOf(SubmitOutcome.Accepted.class);
    }

    @Test
    @DisplayName("a send that would start one session more than the cap is SESSION_LIMIT_REACHED; kept sessions still take prompts")
    void sessionCap() {
        SubmitSettings capped = new SubmitSettings(10, Duration.ofMinutes(5), new ContextBudget(20, 24_000), 0, 2);
        SubmittingPrompt limited = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(), outbox, trigger,
                new Fakes.MapCache(), new Fakes.DirectTransactions(), capped, clock);
        SubmitOutcome.Accepted first = (SubmitOutcome.Accepted) limited.submit(new SubmitPrompt("alice", "", "one", "", ""));
        recording.record(new RecordAnswer(first.requestId(), AnswerState.COMPLETED, "ok", 0));
        limited.submit(new SubmitPrompt("alice", "", "two", "", ""));
        int queued = outbox.events.size();

        assertThat(limited.submit(new SubmitPrompt("alice", "", "three", "", "")))
                .isEqualTo(new SubmitOutcome.Rejected(CommandError.SESSION_LIMIT_REACHED));
        assertThat(outbox.events).hasSize(queued);
        assertThat(sessions.count()).isEqualTo(2);
        assertThat(limited.submit(new SubmitPrompt("alice", first.sessionId().value(), "more", "", "")))
                .as("an existing session still takes prompts").isInstanceOf(SubmitOutcome.Accepted.class);
        assertThat(limited.submit(new SubmitPrompt("bob", "", "one", "", ""))).isInstanceOf(SubmitOutcome.Accepted.class);
    }
}
