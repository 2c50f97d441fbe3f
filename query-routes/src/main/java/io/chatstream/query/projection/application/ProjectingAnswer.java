package io.chatstream.query.projection.application;

import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.streaming.application.RequestOwnerships;
import java.util.Optional;

/** Use case: a finished answer becomes the assistant message and session activity. */
public class ProjectingAnswer {

    /** Compare-and-set attempts against the prompt projection writing the same row concurrently. */
    private static final int ATTEMPTS = 5;

    private final RequestOwnerships ownerships;
    private final MessageViews messages;
    private final SessionViews sessions;
    private final SessionContents contents;

    public ProjectingAnswer(RequestOwnerships ownerships, MessageViews messages, SessionViews sessions) {
        this.ownerships = ownerships;
        this.messages = messages;
        this.sessions = sessions;
        this.contents = new SessionContents(messages, ownerships);
    }

    /** True when the read model changed; false for a duplicate or superseded answer. */
    public boolean project(FinishedAnswer answer) {
        if (sessions.isDeleted(answer.sessionId())) {
            return false; // a late answer of a deleted session: nothing of it may reappear
        }
        ownerships.saveIfAbsent(answer.ownership(), answer.completedAt());
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> stored = messages.answerStatus(answer.requestId());
            if (!answer.finalAnswer().supersedes(stored.orElse(null))) {
                return false;
            }
            if (messages.replaceAnswer(answer, stored.orElse(null))) {
                sessions.recordActivity(answer.sessionId(), answer.userId(), answer.turn(), null,
                        answer.completedAt());
                if (sessions.isDeleted(answer.sessionId())) {
                    contents.forget(answer.sessionId()); // the delete committed while this answer was written
                    return false;
                }
                return true;
            }
        }
        throw new IllegalStateException("answer " + answer.requestId() + " kept changing while projected");
    }
}
