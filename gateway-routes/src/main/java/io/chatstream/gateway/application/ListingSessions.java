package io.chatstream.gateway.application;

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
