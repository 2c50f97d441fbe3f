package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The owner gave the session a title of their own. */
public record SessionRenamed(
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        SessionTitle title,
        Instant occurredAt) implements SessionEvent {
}
