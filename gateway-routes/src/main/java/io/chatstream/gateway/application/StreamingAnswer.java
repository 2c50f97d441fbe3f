package io.chatstream.gateway.application;

import io.chatstream.domain.RequestId;
import java.util.Optional;

/** Use case: follow an answer as it is generated, resuming after the last event the reader saw. */
public class StreamingAnswer {

    private final ChatQueries queries;

    public StreamingAnswer(ChatQueries queries) {
        this.queries = queries;
    }

    /**
     * {@code lastEventId} is the browser's {@code Last-Event-ID} (may be null). Rejects malformed input
     * before anything starts; otherwise the stream runs and ends through {@code listener}.
     */
    public Outcome<AnswerSubscription> follow(Caller caller, String requestId, String lastEventId, AnswerListener listener) {
        Optional<RequestId> request = RequestId.parse(requestId);
        if (request.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "request_id is missing or malformed");
        }
        long afterSeq = 0;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                afterSeq = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                afterSeq = -1;
            }
            if (afterSeq < 0) {
                return Outcome.rejected(GatewayCodes.INVALID_LAST_EVENT_ID, "Last-Event-ID must be a sequence number");
            }
        }
        return Outcome.done(queries.follow(caller, request.get(), afterSeq, listener));
    }
}
