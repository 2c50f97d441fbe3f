package io.chatstream.worker.answering.infrastructure;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Instant;
import java.util.List;

/** Reads a {@code chat.prompt.submitted} payload into the use case's command; bad input is unreadable. */
public final class PromptSubmittedTranslator {

    public PromptToAnswer translate(String payload) {
        PromptSubmitted event = EventJson.read(payload, PromptSubmitted.getDefaultInstance());
        if (event.getPrompt().isBlank()) {
            throw new UnreadableEventException("PromptSubmitted without a prompt");
        }
        List<Turn> context = event.getContextList().stream().map(PromptSubmittedTranslator::turn).toList();
        return new PromptToAnswer(
                RequestId.parse(event.getRequestId()).orElseThrow(() -> unreadable("request_id")),
                SessionId.parse(event.getSessionId()).orElseThrow(() -> unreadable("session_id")),
                UserId.parse(event.getUserId()).orElseThrow(() -> unreadable("user_id")),
                event.getTraceId(), event.getTurn(), event.getPrompt(), context,
                event.hasSubmittedAt()
                        ? Instant.ofEpochSecond(event.getSubmittedAt().getSeconds(), event.getSubmittedAt().getNanos())
                        : null,
                payload, event.getThinking(), event.getModel());
    }

    private static Turn turn(ContextTurn turn) {
        return "assistant".equals(turn.getRole()) ? Turn.assistant(turn.getContent()) : Turn.user(turn.getContent());
    }

    private static UnreadableEventException unreadable(String field) {
        return new UnreadableEventException("PromptSubmitted with a missing or malformed " + field);
    }
}
