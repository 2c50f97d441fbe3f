package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A prompt was accepted into a session and must be answered, with the earlier turns it needs;
 * {@code thinking}: the person asked the model to think before answering.
 */
public record PromptSubmitted(
        RequestId requestId,
        SessionId sessionId,
        UserId userId,
        TraceId traceId,
        int turn,
        PromptText prompt,
        List<ContextTurn> context,
        Instant occurredAt,
        boolean thinking) implements SessionEvent {

    public PromptSubmitted {
        context = List.copyOf(context);
    }
}
