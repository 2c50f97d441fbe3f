package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The session got a new title: the owner's own, or ({@code generated}) one the model suggested. */
public record SessionRenamed(
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        SessionTitle title,
        Instant occurredAt,
        boolean generated) implements SessionEvent {

    /** The owner's own title. */
    public SessionRenamed(SessionId sessionId, UserId userId, TraceId traceId, SessionTitle title, Instant occurredAt) {
        this(sessionId, userId, traceId, title, occurredAt, false);
    }
}
