package io.chatstream.command.conversation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the earlier turns sent with a new prompt: the newest whole turns that fit the budget,
 * returned oldest first. A turn is the user's prompt plus the assistant's text when there is one
 * worth showing: a completed answer, or the partial text of a stopped one. A failed answer, or
 * one that never came back, contributes only the user's prompt, since its text is an error
 * fragment the model should not build on.
 */
public final class ContextWindow {

    private ContextWindow() {
    }

    public static List<ContextTurn> of(List<UserPrompt> earlier, ContextBudget budget) {
        List<UserPrompt> newestFirst = new ArrayList<>(earlier);
        newestFirst.sort(Comparator.comparingInt(UserPrompt::turn).reversed());
        List<List<ContextTurn>> kept = new ArrayList<>();
        int chars = 0;
        for (UserPrompt prompt : newestFirst) {
            if (kept.size() >= budget.maxTurns()) {
                break;
            }
            List<ContextTurn> turn = turnOf(prompt);
            int size = turn.stream().mapToInt(t -> t.content().length()).sum();
            if (chars + size > budget.maxChars()) {
                break;
            }
            chars += size;
            kept.add(turn);
        }
        List<ContextTurn> oldestFirst = new ArrayList<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            oldestFirst.addAll(kept.get(i));
        }
        return List.copyOf(oldestFirst);
    }

    private static List<ContextTurn> turnOf(UserPrompt prompt) {
        ContextTurn user = new ContextTurn(ContextTurn.Role.USER, prompt.text().value());
        boolean showAnswer = prompt.state() == AnswerState.COMPLETED || prompt.state() == AnswerState.STOPPED;
        String answer = prompt.answerText().orElse("");
        if (showAnswer && !answer.isEmpty()) {
            return List.of(user, new ContextTurn(ContextTurn.Role.ASSISTANT, answer));
        }
        return List.of(user);
    }
}
