package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/**
 * The owner chose to see another version of a turn: the session shows the branch through
 * {@code version}, which ends at {@code head}; {@code sessionVersion} orders it among the session's changes.
 */
public record VersionSelected(
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        RequestId version,
        RequestId head,
        long sessionVersion,
        Instant occurredAt) implements SessionEvent {
}
