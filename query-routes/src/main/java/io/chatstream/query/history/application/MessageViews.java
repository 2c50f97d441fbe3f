package io.chatstream.query.history.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
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

    /** Up to {@code limit} messages after {@code after} (null = from the start) in display order. */
    List<MessageView> page(SessionId sessionId, MessageCursor after, int limit);

    /** Removes every message of the session (it was deleted). */
    void deleteSession(SessionId sessionId);
}
