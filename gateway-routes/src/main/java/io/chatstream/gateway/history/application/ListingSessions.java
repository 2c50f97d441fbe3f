package io.chatstream.gateway.history.application;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.identity.application.Caller;

/** Use case: the sidebar lists the caller's conversations, newest first. */
public class ListingSessions {

    private final ChatQueries queries;

    public ListingSessions(ChatQueries queries) {
        this.queries = queries;
    }

    public Outcome<Page<SessionSummary>> list(Caller caller, String cursor, Integer pageSize) {
        return PageRequest.of(cursor, pageSize).then(page -> queries.sessions(caller, page));
    }
}
