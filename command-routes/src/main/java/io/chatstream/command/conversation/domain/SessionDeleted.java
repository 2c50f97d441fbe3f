package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The owner deleted the session; readers forget its content. */
public record SessionDeleted(
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        Instant occurredAt) implements SessionEvent {
}
