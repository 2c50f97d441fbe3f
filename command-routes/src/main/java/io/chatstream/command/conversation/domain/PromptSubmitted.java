package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A prompt was accepted into a session and must be answered, with the earlier turns it needs;
 * {@code options}: the model the person chose and whether it should think first; {@code parent}: the
 * prompt it follows (null for a first turn); {@code sessionVersion}: the session's version once it was accepted.
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
        AnswerOptions options,
        RequestId parent,
        long sessionVersion) implements SessionEvent {

    public PromptSubmitted {
        context = List.copyOf(context);
    }
}
