package io.chatstream.gateway.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;

/** The query port with answer streams that are followed again after a break ({@link ResumingFollow}). */
final class ResumingQueries implements ChatQueries {

    private final ChatQueries queries;
    private final Resumption resumption;

    ResumingQueries(ChatQueries queries, Resumption resumption) {
        this.queries = queries;
        this.resumption = resumption;
    }

    @Override
    public Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page) {
        return queries.sessions(caller, page);
    }

    @Override
    public Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page) {
        return queries.messages(caller, session, page);
    }

    @Override
    public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
            AnswerListener listener) {
        return new ResumingFollow(queries, resumption, caller, request, afterSeq, whenUnknown, listener).start();
    }
}
