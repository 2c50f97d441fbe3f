package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.command.conversation.domain.ContextTurn.Role;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The context window of a new prompt")
class ContextWindowTest {

    private static final ContextBudget ROOMY = new ContextBudget(20, 24_000);

    @Test
    @DisplayName("holds earlier prompts and completed answers, oldest first")
    void oldestFirst() {
        List<UserPrompt> earlier = List.of(
                answered(2, "q2", AnswerState.COMPLETED, "a2"),
                answered(1, "q1", AnswerState.COMPLETED, "a1"));

        assertThat(ContextWindow.of(earlier, ROOMY)).containsExactly(
                new ContextTurn(Role.USER, "q1"), new ContextTurn(Role.ASSISTANT, "a1"),
                new ContextTurn(Role.USER, "q2"), new ContextTurn(Role.ASSISTANT, "a2"));
    }

    @Test
    @DisplayName("keeps the partial text of a stopped answer but not the text of a failed one")
    void stoppedAndFailed() {
        List<UserPrompt> earlier = List.of(
                answered(1, "q1", AnswerState.STOPPED, "half an ans"),
                answered(2, "q2", AnswerState.FAILED, "garbage"));

        assertThat(ContextWindow.of(earlier, ROOMY)).containsExactly(
                new ContextTurn(Role.USER, "q1"), new ContextTurn(Role.ASSISTANT, "half an ans"),
                new ContextTurn(Role.USER, "q2"));
    }

    @Test
    @DisplayName("drops the oldest turns beyond the turn budget")
    void turnBudget() {
        List<UserPrompt> earlier = List.of(
                answered(1, "q1", AnswerState.COMPLETED, "a1"),
                answered(2, "q2", AnswerState.COMPLETED, "a2"),
                answered(3, "q3", AnswerState.COMPLETED, "a3"));

        assertThat(ContextWindow.of(earlier, new ContextBudget(2, 24_000))).extracting(ContextTurn::content)
                .containsExactly("q2", "a2", "q3", "a3");
    }

    @Test
    @DisplayName("drops whole oldest turns beyond the character budget")
    void charBudget() {
        List<UserPrompt> earlier = List.of(
                answered(1, "q1", AnswerState.COMPLETED, "a".repeat(50)),
                answered(2, "q2", AnswerState.COMPLETED, "b".repeat(50)));

        assertThat(ContextWindow.of(earlier, new ContextBudget(20, 60))).extracting(ContextTurn::content)
                .containsExactly("q2", "b".repeat(50));
        assertThat(ContextWindow.of(earlier, new ContextBudget(20, 10))).isEmpty();
    }
}
