package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/**
 * Use case: follow an answer as it is generated, resuming after the last event the reader saw. Two wrappers
 * compose, outer to inner:
 * <ol>
 * <li>{@link ConfirmingFollow} decides which call to make: a request id the query service does not know is
 * refused at once unless the command service says the prompt was accepted (docs/adr/0006), so a made-up id gets
 * its 404 without waiting for a projection;</li>
 * <li>{@link ResumingFollow} keeps each of those calls going when its query instance stops or dies mid-answer: it
 * is made again after the last seq delivered, on another instance, within the {@link Resumption} budget.</li>
 * </ol>
 * Resuming sits inside, so a refusal reaches the confirmation unchanged and is never repeated, and the
 * confirmation never sees a break that was resumed.
 */
public class StreamingAnswer {

    private final ChatQueries queries;
    private final ChatCommands commands;
    private final boolean confirmUnknownRequests;

    /**
     * {@code confirmUnknownRequests} false: every stream waits for its projection on the query side
     * (the behaviour before ADR 6, also for ids nobody ever accepted).
     */
    public StreamingAnswer(ChatQueries queries, ChatCommands commands, boolean confirmUnknownRequests,
            Resumption resumption) {
        this.queries = new ResumingQueries(queries, resumption);
        this.commands = commands;
        this.confirmUnknownRequests = confirmUnknownRequests;
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
        if (!confirmUnknownRequests) {
            return Outcome.done(queries.follow(caller, request.get(), afterSeq, WhenUnknown.WAIT, listener));
        }
        return Outcome.done(new ConfirmingFollow(queries, commands, caller, request.get(), afterSeq, listener).start());
    }
}
