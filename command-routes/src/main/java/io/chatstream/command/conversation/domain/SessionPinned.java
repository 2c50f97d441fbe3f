package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The owner pinned the session (it stays on top of their list) or, with {@code pinned} false, unpinned it. */
public record SessionPinned(
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        boolean pinned,
        Instant occurredAt) implements SessionEvent {
}
