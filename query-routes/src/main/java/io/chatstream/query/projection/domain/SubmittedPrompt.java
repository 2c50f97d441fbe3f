package io.chatstream.query.projection.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;

/** A prompt accepted by the command side, as this context needs it. */
public record SubmittedPrompt(
        RequestId requestId, SessionId sessionId, UserId userId, int turn, String prompt, Instant submittedAt) {

    public RequestOwnership ownership() {
        return new RequestOwnership(requestId, userId, sessionId, turn);
    }
}
