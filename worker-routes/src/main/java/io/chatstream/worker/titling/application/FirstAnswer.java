package io.chatstream.worker.titling.application;

import java.time.Instant;

/**
 * An answer outcome as titling sees it ({@code chat.answer.completed}): only a completed answer of
 * turn 1, with its prompt, leads to a title.
 */
public record FirstAnswer(String sessionId, String userId, String traceId, int turn, boolean completed,
        String prompt, String answer, Instant completedAt) {

    /** Whether this outcome starts a conversation worth a title. */
    public boolean titlesConversation() {
        return turn == 1 && completed && prompt != null && !prompt.isBlank();
    }
}
