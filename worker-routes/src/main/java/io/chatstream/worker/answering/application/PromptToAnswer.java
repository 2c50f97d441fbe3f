package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A submitted prompt as the use case needs it. {@code originalPayload} is kept opaque so a
 * prompt that fails for good can become a dead letter unchanged, for replay. {@code thinking}: the
 * person asked the model to think before answering; {@code model}: the model they chose (blank: the
 * answer policy's default).
 */
public record PromptToAnswer(RequestId requestId, SessionId sessionId, UserId userId, String traceId, int turn,
        String prompt, List<Turn> context, Instant submittedAt, String originalPayload, boolean thinking, String model) {

    public PromptToAnswer {
        model = model == null ? "" : model.strip();
        context = List.copyOf(context);
        traceId = traceId == null ? "" : traceId;
    }

    /** The default model. */
    public PromptToAnswer(RequestId requestId, SessionId sessionId, UserId userId, String traceId, int turn,
            String prompt, List<Turn> context, Instant submittedAt, String originalPayload, boolean thinking) {
        this(requestId, sessionId, userId, traceId, turn, prompt, context, submittedAt, originalPayload, thinking, "");
    }

    /** The default model, without thinking. */
    public PromptToAnswer(RequestId requestId, SessionId sessionId, UserId userId, String traceId, int turn,
            String prompt, List<Turn> context, Instant submittedAt, String originalPayload) {
        this(requestId, sessionId, userId, traceId, turn, prompt, context, submittedAt, originalPayload, false);
    }

    /** Earlier turns, oldest first, then the prompt itself. */
    public List<Turn> conversation() {
        List<Turn> turns = new ArrayList<>(context);
        turns.add(Turn.user(prompt));
        return turns;
    }
}
