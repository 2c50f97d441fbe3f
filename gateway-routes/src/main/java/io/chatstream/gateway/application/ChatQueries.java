package io.chatstream.gateway.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;

/** Port to the query service (ConversationQueryContext). */
public interface ChatQueries {

    Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page);

    Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page);

    /**
     * Starts relaying an answer from the position after {@code afterSeq}; returns at once. Events and
     * the end of the stream reach {@code listener} on another thread.
     */
    AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, AnswerListener listener);
}
