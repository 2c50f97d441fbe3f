package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A prompt was accepted into a session and must be answered, with the earlier turns it needs;
 * {@code options}: the model the person chose and whether it should think first.
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
        AnswerOptions options) implements SessionEvent {

    public PromptSubmitted {
        context = List.copyOf(context);
    }
}
