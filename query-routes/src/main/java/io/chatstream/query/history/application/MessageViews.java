package io.chatstream.query.history.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.history.domain.PromptNode;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The messages of all sessions, one user and one assistant message per request. */
public interface MessageViews {

    /** Stores the user message and a queued assistant placeholder; both only if absent. */
    void saveSubmittedIfAbsent(SubmittedPrompt prompt);

    /** The status of the stored assistant message, empty when there is none. */
    Optional<String> answerStatus(RequestId requestId);

    /**
     * Writes the answer when the stored assistant message still has status {@code expectedStatus}
     * (null = no row yet). False when another writer got there first.
     */
    boolean replaceAnswer(FinishedAnswer answer, String expectedStatus);

    Optional<MessageView> answer(RequestId requestId);

    /** Where each prompt of the session sits in its tree, in the order the prompts were accepted. */
    List<PromptNode> promptsOf(SessionId sessionId);

    /** The messages (prompt and answer) of these prompts of the session, any order. */
    List<MessageView> ofPrompts(SessionId sessionId, Collection<String> requestIds);

    /** Removes every message of the session (it was deleted). */
    void deleteSession(SessionId sessionId);
}
