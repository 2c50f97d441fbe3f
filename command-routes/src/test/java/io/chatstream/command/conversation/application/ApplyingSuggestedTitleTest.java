package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.SessionRenamed;
import io.chatstream.command.conversation.domain.SessionTitle;
import io.chatstream.domain.SessionId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Applying a title the model suggested")
class ApplyingSuggestedTitleTest {

    private final InMemorySessions sessions = new InMemorySessions();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.systemUTC();
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, new InMemoryPrompts(),
            new Fakes.MemoryDailyTokens(), outbox, trigger, new Fakes.MapCache(), new Fakes.DirectTransactions(),
            new SubmitSettings(100, Duration.ofMinutes(5), new ContextBudget(20, 24_000)), clock);
    private final ApplyingSuggestedTitle applying = new ApplyingSuggestedTitle(sessions, outbox, trigger,
            new Fakes.DirectTransactions(), clock);
    private final RenamingSession renaming = new RenamingSession(sessions, outbox, trigger,
            new Fakes.DirectTransactions(), clock);

    private SessionId aliceSession() {
        return ((SubmitOutcome.Accepted) submitting.submit(new SubmitPrompt("alice", "", "hi", "", ""))).sessionId();
    }

    @Test
    @DisplayName("an untitled session stores it and queues a generated SessionRenamed; a redelivery queues nothing")
    void applied() {
        SessionId id = aliceSession();

        assertThat(applying.apply(new SuggestedTitle(id.value(), "alice", "", "Greetings")))
                .isEqualTo(ApplyingSuggestedTitle.Result.APPLIED);
        assertThat(sessions.find(id).orElseThrow().title()).contains(new SessionTitle("Greetings"));
        assertThat(outbox.events).last().isInstanceOfSatisfying(SessionRenamed.class,
                e -> assertThat(e.generated()).isTrue());
        int queued = outbox.events.size();

        assertThat(applying.apply(new SuggestedTitle(id.value(), "alice", "", "Greetings")))
                .isEqualTo(ApplyingSuggestedTitle.Result.IGNORED);
        assertThat(outbox.events).hasSize(queued);
    }

    @Test
    @DisplayName("after the owner's rename a suggestion is ignored; unknown sessions and malformed ids too")
    void ignored() {
        SessionId id = aliceSession();
        renaming.rename(new RenameSession("alice", id.value(), "Mine", ""));
        int queued = outbox.events.size();

        assertThat(applying.apply(new SuggestedTitle(id.value(), "alice", "", "Greetings")))
                .isEqualTo(ApplyingSuggestedTitle.Result.IGNORED);
        assertThat(applying.apply(new SuggestedTitle(SessionId.generate().value(), "alice", "", "Greetings")))
                .isEqualTo(ApplyingSuggestedTitle.Result.UNKNOWN_SESSION);
        assertThat(applying.apply(new SuggestedTitle("not a session id!", "alice", "", "Greetings")))
                .isEqualTo(ApplyingSuggestedTitle.Result.UNKNOWN_SESSION);
        assertThat(sessions.find(id).orElseThrow().title()).contains(new SessionTitle("Mine"));
        assertThat(outbox.events).hasSize(queued);
    }
}
