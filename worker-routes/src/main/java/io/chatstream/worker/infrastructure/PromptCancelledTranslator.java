package io.chatstream.worker.infrastructure;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.PromptCancelled;

/** Reads a {@code chat.prompt.cancelled} payload into the request id to stop. */
public final class PromptCancelledTranslator {

    public RequestId translate(String payload) {
        PromptCancelled event = EventJson.read(payload, PromptCancelled.getDefaultInstance());
        return RequestId.parse(event.getRequestId())
                .orElseThrow(() -> new UnreadableEventException("PromptCancelled with a malformed request_id"));
    }
}
