package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A user prompt")
class UserPromptTest {

    @Test
    @DisplayName("keeps the first outcome of its answer and ignores a repeated one")
    void firstOutcomeWins() {
        UserPrompt prompt = Fixtures.answered(1, "q", AnswerState.COMPLETED, "the answer");

        boolean changed = prompt.recordAnswer(AnswerState.FAILED, "", T0.plusSeconds(1));

        assertThat(changed).isFalse();
        assertThat(prompt.state()).isEqualTo(AnswerState.COMPLETED);
        assertThat(prompt.answerText()).contains("the answer");
    }

    @Test
    @DisplayName("takes the completed answer of a replayed failure, and nothing after it")
    void replayedFailureCompletes() {
        UserPrompt prompt = Fixtures.answered(1, "q", AnswerState.FAILED, "");

        boolean replayed = prompt.recordAnswer(AnswerState.COMPLETED, "the replayed answer", T0.plusSeconds(5));
        boolean late = prompt.recordAnswer(AnswerState.FAILED, "", T0.plusSeconds(6));

        assertThat(replayed).isTrue();
        assertThat(late).isFalse();
        assertThat(prompt.state()).isEqualTo(AnswerState.COMPLETED);
        assertThat(prompt.answerText()).contains("the replayed answer");
    }

    @Test
    @DisplayName("can be cancelled while its answer is in flight")
    void cancelInFlight() {
        SubmitResult.Accepted accepted = (SubmitResult.Accepted) Fixtures.submit(
                ConversationSession.start(new io.chatstream.domain.SessionId("session-1"), Fixtures.ALICE),
                Fixtures.ALICE, "q", T0);
        TraceId trace = TraceId.generate();

        CancelResult result = accepted.prompt().cancel(trace, T0.plusSeconds(2));

        assertThat(result).isInstanceOfSatisfying(CancelResult.Cancelling.class, c -> {
            assertThat(c.event().requestId()).isEqualTo(accepted.prompt().requestId());
            assertThat(c.event().traceId()).isEqualTo(trace);
        });
    }

    @Test
    @DisplayName("says finished when asked to stop an answer that already ended")
    void cancelFinished() {
        UserPrompt prompt = Fixtures.answered(1, "q", AnswerState.STOPPED, "partial");

        assertThat(prompt.cancel(TraceId.generate(), T0))
                .isEqualTo(new CancelResult.AlreadyFinished(AnswerState.STOPPED));
    }
}
