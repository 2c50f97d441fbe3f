package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.SessionPinned;
import io.chatstream.domain.SessionId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pinning and unpinning a session")
class PinningSessionTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.systemUTC();
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(),
            outbox, trigger, new Fakes.MapCache(), new Fakes.DirectTransactions(),
            new SubmitSettings(100, Duration.ofMinutes(5), new ContextBudget(20, 24_000)), clock);
    private final PinningSession pinning = new PinningSession(sessions, outbox, trigger,
            new Fakes.DirectTransactions(), clock);
    private final DeletingSession deleting = new DeletingSession(sessions, prompts, outbox, trigger,
            new Fakes.DirectTransactions(), clock);

    private SessionId aliceSession() {
        return ((SubmitOutcome.Accepted) submitting.submit(new SubmitPrompt("alice", "", "hi", "", ""))).sessionId();
    }

    @Test
    @DisplayName("a pin stores the flag, queues SessionPinned and wakes the relay; an unpin does the same")
    void pinThenUnpin() {
        SessionId id = aliceSession();

        assertThat(pinning.pin(new PinSession("alice", id.value(), true, "")))
                .isEqualTo(new PinOutcome.Pinned(id, true));
        assertThat(sessions.find(id).orElseThrow().isPinned()).isTrue();
        assertThat(outbox.events).last().isInstanceOfSatisfying(SessionPinned.class,
                e -> assertThat(e.pinned()).isTrue());
        assertThat(trigger.wakeUps).isEqualTo(2);

        assertThat(pinning.pin(new PinSession("alice", id.value(), false, "")))
                .isEqualTo(new PinOutcome.Pinned(id, false));
        assertThat(sessions.find(id).orElseThrow().isPinned()).isFalse();
        assertThat(outbox.events).last().isInstanceOfSatisfying(SessionPinned.class,
                e -> assertThat(e.pinned()).isFalse());
        assertThat(trigger.wakeUps).isEqualTo(3);
    }

    @Test
    @DisplayName("pinning a pinned session answers pinned but stores, queues and wakes nothing")
    void pinAgain() {
        SessionId id = aliceSession();
        pinning.pin(new PinSession("alice", id.value(), true, ""));
        long version = sessions.find(id).orElseThrow().version();

        assertThat(pinning.pin(new PinSession("alice", id.value(), true, "")))
                .isEqualTo(new PinOutcome.Pinned(id, true));

        assertThat(sessions.find(id).orElseThrow().version()).isEqualTo(version);
        assertThat(outbox.events.stream().filter(SessionPinned.class::isInstance)).hasSize(1);
        assertThat(trigger.wakeUps).isEqualTo(2);
    }

    @Test
    @DisplayName("a malformed id, a stranger, an unknown or a deleted session are refused and queue nothing")
    void refused() {
        SessionId id = aliceSession();
        SessionId gone = aliceSession();
        deleting.delete(new DeleteSession("alice", gone.value(), ""));
        int queued = outbox.events.size();

        assertThat(pinning.pin(new PinSession("", id.value(), true, "")))
                .isEqualTo(new PinOutcome.Rejected(CommandError.INVALID_USER_ID));
        assertThat(pinning.pin(new PinSession("alice", "not a session id!", true, "")))
                .isEqualTo(new PinOutcome.Rejected(CommandError.INVALID_SESSION_ID));
        assertThat(pinning.pin(new PinSession("bob", id.value(), true, "")))
                .isEqualTo(new PinOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        assertThat(pinning.pin(new PinSession("alice", SessionId.generate().value(), true, "")))
                .isEqualTo(new PinOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        assertThat(pinning.pin(new PinSession("alice", gone.value(), true, "")))
                .isEqualTo(new PinOutcome.Rejected(CommandError.SESSION_NOT_FOUND));

        assertThat(outbox.events).hasSize(queued);
        assertThat(sessions.find(id).orElseThrow().isPinned()).isFalse();
    }
}
