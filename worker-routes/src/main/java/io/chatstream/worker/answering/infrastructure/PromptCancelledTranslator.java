package io.chatstream.worker.answering.infrastructure;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.PromptCancelled;
import io.chatstream.worker.answering.application.StopRequest;
import java.time.Instant;

/** Reads a {@code chat.prompt.cancelled} payload into the stop request it carries. */
public final class PromptCancelledTranslator {

    public StopRequest translate(String payload) {
        PromptCancelled event = EventJson.read(payload, PromptCancelled.getDefaultInstance());
        RequestId requestId = RequestId.parse(event.getRequestId())
                .orElseThrow(() -> new UnreadableEventException("PromptCancelled with a malformed request_id"));
        Instant requestedAt = event.hasCancelledAt()
                ? Instant.ofEpochSecond(event.getCancelledAt().getSeconds(), event.getCancelledAt().getNanos())
                : Instant.now();
        return new StopRequest(requestId, requestedAt);
    }
}
