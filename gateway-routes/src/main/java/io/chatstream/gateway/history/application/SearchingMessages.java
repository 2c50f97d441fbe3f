package io.chatstream.gateway.history.application;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.SearchTerms;
import io.chatstream.gateway.identity.application.Caller;

/** Use case: the caller finds their messages that contain a text, across all their sessions, newest first. */
public class SearchingMessages {

    private final ChatQueries queries;
    private final int maxQueryLength;

    /** {@code maxQueryLength}: the longest query in characters (chat.search.max-query-length). */
    public SearchingMessages(ChatQueries queries, int maxQueryLength) {
        this.queries = queries;
        this.maxQueryLength = maxQueryLength;
    }

    public Outcome<Page<SearchHit>> search(Caller caller, String query, String cursor, Integer pageSize) {
        return SearchTerms.of(query, maxQueryLength).then(terms ->
                PageRequest.of(cursor, pageSize).then(page -> queries.search(caller, terms, page)));
    }
}
