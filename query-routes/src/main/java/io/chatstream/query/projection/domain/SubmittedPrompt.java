package io.chatstream.query.projection.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;

/**
 * A prompt accepted by the command side, as this context needs it; {@code parent}: the prompt it follows
 * (empty for a first turn or unknown); {@code sessionVersion}: the session's version once it was accepted
 * (0 when the event predates versions).
 */
public record SubmittedPrompt(
        RequestId requestId, SessionId sessionId, UserId userId, int turn, String prompt, Instant submittedAt,
        String parent, long sessionVersion) {

    public SubmittedPrompt {
        parent = parent == null ? "" : parent;
    }

    /** A prompt that follows the turn before, from before versions existed. */
    public SubmittedPrompt(RequestId requestId, SessionId sessionId, UserId userId, int turn, String prompt,
            Instant submittedAt) {
        this(requestId, sessionId, userId, turn, prompt, submittedAt, "", 0);
    }

    public RequestOwnership ownership() {
        return new RequestOwnership(requestId, userId, sessionId, turn);
    }
}
