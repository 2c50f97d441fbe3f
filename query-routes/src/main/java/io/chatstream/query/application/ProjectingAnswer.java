package io.chatstream.query.application;

import io.chatstream.query.domain.FinishedAnswer;
import java.util.Optional;

/** Use case: a finished answer becomes the assistant message and session activity. */
public class ProjectingAnswer {

    /** Compare-and-set attempts against the prompt projection writing the same row concurrently. */
    private static final int ATTEMPTS = 5;

    private final RequestOwnerships ownerships;
    private final MessageViews messages;
    private final SessionViews sessions;

    public ProjectingAnswer(RequestOwnerships ownerships, MessageViews messages, SessionViews sessions) {
        this.ownerships = ownerships;
        this.messages = messages;
        this.sessions = sessions;
    }

    /** True when the read model changed; false for a duplicate or superseded outcome. */
    public boolean project(FinishedAnswer answer) {
        ownerships.saveIfAbsent(answer.ownership(), answer.completedAt());
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> stored = messages.answerStatus(answer.requestId());
            if (!answer.outcome().supersedes(stored.orElse(null))) {
                return false;
            }
            if (messages.replaceAnswer(answer, stored.orElse(null))) {
                sessions.recordActivity(answer.sessionId(), answer.userId(), answer.turn(), null,
                        answer.completedAt());
                return true;
            }
        }
        throw new IllegalStateException("answer " + answer.requestId() + " kept changing while projected");
    }
}
