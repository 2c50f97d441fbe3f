package io.chatstream.query.history.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.history.domain.MessageCursor.Role;
import java.time.Instant;

/** A message of the caller's that a search found (its text or its session's title holds the terms), whole. */
public record MatchingMessage(
        SessionId sessionId, String sessionTitle, RequestId requestId, Role role, int turn, String text,
        Instant createdAt) {

    /** The hit it becomes: the same message, shown by its {@link Snippet}. */
    public SearchHit hit(SearchTerms terms, int snippetLength) {
        return new SearchHit(sessionId, sessionTitle, requestId, role, turn, Snippet.of(text, terms, snippetLength),
                createdAt);
    }
}
