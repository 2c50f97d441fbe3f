package io.chatstream.query.projection.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;

/** A worker's report that it finished answering one prompt (event AnswerCompleted), as this context needs it. */
public record FinishedAnswer(
        RequestId requestId, SessionId sessionId, UserId userId, int turn, FinalAnswer finalAnswer,
        Instant completedAt) {

    public RequestOwnership ownership() {
        return new RequestOwnership(requestId, userId, sessionId, turn);
    }
}
