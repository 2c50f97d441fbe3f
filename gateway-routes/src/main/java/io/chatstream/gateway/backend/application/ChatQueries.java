package io.chatstream.gateway.backend.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.identity.application.Caller;

/** Port to the query service (ConversationQueryContext). */
public interface ChatQueries {

    Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page);

    Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page);

    /** The caller's messages that contain {@code terms}, newest first. */
    Outcome<Page<SearchHit>> search(Caller caller, SearchTerms terms, PageRequest page);

    /** The models people may choose now (empty before the worker published a catalog). */
    Outcome<ModelChoices> models(Caller caller);

    /**
     * Starts relaying an answer from the position after {@code afterSeq}; returns at once. Events and
     * the end of the stream reach {@code listener} on another thread. {@code whenUnknown} says whether the
     * query service answers REQUEST_NOT_FOUND at once or waits for the request's projection first. A call
     * that breaks off mid-answer ends with {@link AnswerListener#brokeOff}; it is not opened again here.
     */
    AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
            AnswerListener listener);
}
