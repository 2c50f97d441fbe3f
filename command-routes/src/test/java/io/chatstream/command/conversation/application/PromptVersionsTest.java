package io.chatstream.command.conversation.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.AnswerOptions;
import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.ContextTurn;
import io.chatstream.command.conversation.domain.PromptSubmitted;
import io.chatstream.command.conversation.domain.VersionSelected;
import io.chatstream.domain.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Versions of a turn (regenerate, edit, select)")
class PromptVersionsTest {

    private static final ContextTurn.Role USER = ContextTurn.Role.USER;
    private static final ContextTurn.Role ASSISTANT = ContextTurn.Role.ASSISTANT;

    private final InMemorySessions sessions = new InMemorySessions();
    private final InMemoryPrompts prompts = new InMemoryPrompts();
    private final Fakes.RecordingOutbox outbox = new Fakes.RecordingOutbox();
    private final Fakes.CountingTrigger trigger = new Fakes.CountingTrigger();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private final SubmitSettings settings = new SubmitSettings(1000, Duration.ofMinutes(5), new ContextBudget(20, 24_000));
    private final SubmittingPrompt submitting = new SubmittingPrompt(sessions, prompts, new Fakes.MemoryDailyTokens(),
            outbox, trigger, new Fakes.MapCache(), new Fakes.DirectTransactions(), settings, clock);
    private final RecordingAnswer recording = new RecordingAnswer(sessions, prompts, new Fakes.MemoryDailyTokens(),
            new Fakes.DirectTransactions(), clock);
    private final SelectingVersion selecting = new SelectingVersion(sessions, prompts, outbox, trigger,
            new Fakes.DirectTransactions(), settings, clock);

    @Test
    @DisplayName("a regenerate answers the same prompt again at the same turn, seeing only the turns before it")
    void regenerate() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");
        SubmitOutcome.Accepted second = answered("alice", first, "q2", "broken", AnswerState.FAILED);

        SubmitOutcome.Accepted again = accept(version("alice", second, ""));

        assertThat(again.turn()).isEqualTo(2);
        PromptSubmitted event = lastSubmitted();
        assertThat(event.prompt().value()).isEqualTo("q2");
        assertThat(event.parent()).isEqualTo(first.requestId());
        assertThat(event.context()).containsExactly(new ContextTurn(USER, "q1"), new ContextTurn(ASSISTANT, "a1"));
        assertThat(event.sessionVersion()).as("after submit, answer, submit, answer: the fifth save")
                .isEqualTo(5);
    }

    @Test
    @DisplayName("an edit of turn 1 starts a new branch: the next prompt sees the edited turn, not the old branch")
    void editStartsBranch() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");
        answered("alice", first, "q2", "a2");

        SubmitOutcome.Accepted edited = accept(version("alice", first, "q1 edited"));
        assertThat(edited.turn()).isEqualTo(1);
        assertThat(lastSubmitted().context()).isEmpty();
        assertThat(lastSubmitted().parent()).isNull();
        recording.record(new RecordAnswer(edited.requestId(), AnswerState.COMPLETED, "a1'", 0));

        SubmitOutcome.Accepted next = accept(new SubmitPrompt("alice", first.sessionId().value(), "q2'", "", ""));

        assertThat(next.turn()).isEqualTo(2);
        assertThat(lastSubmitted().context())
                .containsExactly(new ContextTurn(USER, "q1 edited"), new ContextTurn(ASSISTANT, "a1'"));
    }

    @Test
    @DisplayName("selecting the old version continues its branch at its newest prompt; the next prompt follows it")
    void selectOldBranch() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");
        SubmitOutcome.Accepted second = answered("alice", first, "q2", "a2");
        SubmitOutcome.Accepted edited = accept(version("alice", first, "other"));
        recording.record(new RecordAnswer(edited.requestId(), AnswerState.COMPLETED, "b1", 0));

        SelectOutcome shown = selecting.select(new SelectVersion("alice", first.requestId().value(), ""));

        assertThat(shown).isEqualTo(new SelectOutcome.Shown(first.sessionId(), second.requestId()));
        assertThat(outbox.events.get(outbox.events.size() - 1)).isInstanceOfSatisfying(VersionSelected.class, e -> {
            assertThat(e.version()).isEqualTo(first.requestId());
            assertThat(e.head()).isEqualTo(second.requestId());
        });
        SubmitOutcome.Accepted third = accept(new SubmitPrompt("alice", first.sessionId().value(), "q3", "", ""));
        assertThat(third.turn()).isEqualTo(3);
        assertThat(lastSubmitted().parent()).isEqualTo(second.requestId());
        assertThat(lastSubmitted().context()).extracting(ContextTurn::content).containsExactly("q1", "a1", "q2", "a2");
    }

    @Test
    @DisplayName("selecting the version already shown changes nothing and announces nothing")
    void selectShown() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");
        int events = outbox.events.size();

        assertThat(selecting.select(new SelectVersion("alice", first.requestId().value(), "")))
                .isEqualTo(new SelectOutcome.Shown(first.sessionId(), first.requestId()));
        assertThat(outbox.events).hasSize(events);
    }

    @Test
    @DisplayName("while an answer is in flight neither a regenerate nor a select is taken: SESSION_BUSY")
    void busy() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");
        SubmitOutcome.Accepted second = accept(new SubmitPrompt("alice", first.sessionId().value(), "q2", "", ""));

        assertThat(reject(version("alice", first, ""))).isEqualTo(CommandError.SESSION_BUSY);
        assertThat(selecting.select(new SelectVersion("alice", first.requestId().value(), "")))
                .isEqualTo(new SelectOutcome.Rejected(CommandError.SESSION_BUSY));
        assertThat(prompts.find(second.requestId())).isPresent();
    }

    @Test
    @DisplayName("a version of an unknown or someone else's prompt, or of another session's, is REQUEST_NOT_FOUND")
    void unknownVersion() {
        SubmitOutcome.Accepted alices = answered("alice", null, "q1", "a1");
        SubmitOutcome.Accepted other = answered("alice", null, "elsewhere", "x");

        assertThat(reject(version("bob", alices, ""))).isEqualTo(CommandError.REQUEST_NOT_FOUND);
        assertThat(reject(new SubmitPrompt("alice", "", "", "", "", AnswerOptions.DEFAULT, RequestId.generate().value())))
                .isEqualTo(CommandError.REQUEST_NOT_FOUND);
        assertThat(reject(new SubmitPrompt("alice", other.sessionId().value(), "", "", "", AnswerOptions.DEFAULT,
                alices.requestId().value()))).isEqualTo(CommandError.REQUEST_NOT_FOUND);
        assertThat(selecting.select(new SelectVersion("bob", alices.requestId().value(), "")))
                .isEqualTo(new SelectOutcome.Rejected(CommandError.REQUEST_NOT_FOUND));
        assertThat(reject(new SubmitPrompt("alice", "", "", "", "", AnswerOptions.DEFAULT, "not a request id!")))
                .isEqualTo(CommandError.INVALID_REQUEST_ID);
    }

    @Test
    @DisplayName("an edit is checked like any prompt; a blank one is a regenerate")
    void editChecked() {
        SubmitOutcome.Accepted first = answered("alice", null, "q1", "a1");

        assertThat(reject(version("alice", first, "x".repeat(1001)))).isEqualTo(CommandError.PROMPT_TOO_LARGE);
        accept(version("alice", first, "   "));
        assertThat(lastSubmitted().prompt().value()).isEqualTo("q1");
    }

    private SubmitOutcome.Accepted answered(String user, SubmitOutcome.Accepted after, String prompt, String answer) {
        return answered(user, after, prompt, answer, AnswerState.COMPLETED);
    }

    private SubmitOutcome.Accepted answered(String user, SubmitOutcome.Accepted after, String prompt, String answer,
            AnswerState state) {
        String session = after == null ? "" : after.sessionId().value();
        SubmitOutcome.Accepted accepted = accept(new SubmitPrompt(user, session, prompt, "", ""));
        recording.record(new RecordAnswer(accepted.requestId(), state, answer, 0));
        return accepted;
    }

    private static SubmitPrompt version(String user, SubmitOutcome.Accepted of, String prompt) {
        return new SubmitPrompt(user, "", prompt, "", "", AnswerOptions.DEFAULT, of.requestId().value());
    }

    private PromptSubmitted lastSubmitted() {
        List<PromptSubmitted> submitted = outbox.events.stream()
                .filter(PromptSubmitted.class::isInstance).map(PromptSubmitted.class::cast).toList();
        return submitted.get(submitted.size() - 1);
    }

    private SubmitOutcome.Accepted accept(SubmitPrompt command) {
        SubmitOutcome outcome = submitting.submit(command);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Accepted.class);
        return (SubmitOutcome.Accepted) outcome;
    }

    private CommandError reject(SubmitPrompt command) {
        SubmitOutcome outcome = submitting.submit(command);
        assertThat(outcome).isInstanceOf(SubmitOutcome.Rejected.class);
        return ((SubmitOutcome.Rejected) outcome).error();
    }
}
