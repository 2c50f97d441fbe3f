package io.chatstream.query.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The outcome of answering one prompt, as reported by the worker. */
public record FinishedAnswer(
        RequestId requestId, SessionId sessionId, UserId userId, int turn, AnswerOutcome outcome,
        Instant completedAt) {

    public RequestOwnership ownership() {
        return new RequestOwnership(requestId, userId, sessionId, turn);
    }
}
