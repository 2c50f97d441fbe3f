package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.SearchTerms;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;

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
    public Outcome<Page<SearchHit>> search(Caller caller, SearchTerms terms, PageRequest page) {
        return queries.search(caller, terms, page);
    }

    @Override
    public Outcome<ModelChoices> models(Caller caller) {
        return queries.models(caller);
    }

    @Override
    public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
            AnswerListener listener) {
        return new ResumingFollow(queries, resumption, caller, request, afterSeq, whenUnknown, listener).start();
    }
}
