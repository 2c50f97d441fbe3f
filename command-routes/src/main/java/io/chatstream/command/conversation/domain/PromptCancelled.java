package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** The owner asked to stop the answer to a prompt that is still being answered. */
public record PromptCancelled(
        RequestId requestId,
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        Instant occurredAt) implements SessionEvent {
}
