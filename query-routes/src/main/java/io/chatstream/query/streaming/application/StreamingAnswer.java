package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.streaming.domain.RequestOwnership;
import io.chatstream.query.streaming.domain.StoredAnswer;
import java.util.Optional;

/** Use case: stream an answer to the user who asked for it, live or from the stored copy. */
public class StreamingAnswer {

    private final RequestOwnerships ownerships;
    private final MessageViews messages;
    private final AnswerStreams streams;

    public StreamingAnswer(RequestOwnerships ownerships, MessageViews messages, AnswerStreams streams) {
        this.ownerships = ownerships;
        this.messages = messages;
        this.streams = streams;
    }

    public StreamOpening open(String rawRequest, String rawUser, long afterSeq, ChunkSink sink) {
        Optional<RequestId> request = RequestId.parse(rawRequest);
        if (request.isEmpty()) {
            return new StreamOpening.Rejected(Rejection.invalid(RejectionCodes.INVALID_REQUEST_ID,
                    "malformed request id"));
        }
        Optional<UserId> user = UserId.parse(rawUser);
        if (user.isEmpty()) {
            return new StreamOpening.Rejected(Rejection.invalid(RejectionCodes.INVALID_USER_ID, "malformed user id"));
        }
        Optional<RequestOwnership> ownership = ownerships.find(request.get());
        if (ownership.isEmpty()) {
            return new StreamOpening.OwnershipUnknown();
        }
        if (!ownership.get().ownedBy(user.get())) {
            // Same answer as for an unknown request: ids of other users must not be probeable.
            return new StreamOpening.Rejected(Rejection.notFound(RejectionCodes.REQUEST_NOT_FOUND, "no such request"));
        }
        long from = Math.max(0, afterSeq);
        if (!streams.exists(request.get())) {
            Optional<StoredAnswer> stored = storedAnswer(request.get());
            if (stored.isPresent()) {
                var chunks = stored.get().replayAfter(from);
                chunks.forEach(sink::send);
                if (chunks.isEmpty()) {
                    sink.end();
                }
                return new StreamOpening.Replayed();
            }
        }
        streams.follow(request.get(), from, new ReplayOnTimeout(sink, from, () -> storedAnswer(request.get())));
        return new StreamOpening.Following();
    }

    private Optional<StoredAnswer> storedAnswer(RequestId request) {
        return messages.answer(request)
                .filter(m -> AnswerStatus.isFinal(m.status()))
                .map(m -> new StoredAnswer(new FinalAnswer(m.status(), m.content(), m.reasoning(),
                        m.finishReason(), m.errorCode(), m.errorMessage(), m.inputTokens(), m.outputTokens(), m.model())));
    }

    /** The request id as this context spells it, for callers that must refuse after waiting. */
    public static Rejection unknownRequest() {
        return Rejection.notFound(RejectionCodes.REQUEST_NOT_FOUND, "no such request");
    }
}
