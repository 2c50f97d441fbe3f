package io.chatstream.query.history.application;

import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.HitCursor;
import io.chatstream.query.history.domain.PageSize;
import io.chatstream.query.history.domain.SearchHit;
import io.chatstream.query.history.domain.SearchTerms;
import io.chatstream.query.streaming.application.Rejection;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.util.List;
import java.util.Optional;

/** Use case: the caller's messages that contain a text, newest first, each shown by a snippet around it. */
public class SearchingMessages {

    private final MessageSearch search;
    private final int maxQueryLength;
    private final int snippetLength;

    /** {@code maxQueryLength}: longest query in characters; {@code snippetLength}: longest snippet. */
    public SearchingMessages(MessageSearch search, int maxQueryLength, int snippetLength) {
        this.search = search;
        this.maxQueryLength = maxQueryLength;
        this.snippetLength = snippetLength;
    }

    public PageResult<SearchHit> search(String rawUser, String query, String cursor, int pageSize) {
        Optional<UserId> user = UserId.parse(rawUser);
        if (user.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_USER_ID, "malformed user id"));
        }
        Optional<SearchTerms> terms = SearchTerms.parse(query, maxQueryLength);
        if (terms.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_QUERY,
                    "query must be 1.." + maxQueryLength + " characters, not blank"));
        }
        Optional<PageSize> size = PageSize.parse(pageSize);
        if (size.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_PAGE_SIZE,
                    "page_size must be 1..100"));
        }
        HitCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<HitCursor> decoded = HitCursor.decode(cursor);
            if (decoded.isEmpty()) {
                return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_CURSOR, "malformed cursor"));
            }
            after = decoded.get();
        }
        int limit = size.get().value();
        List<SearchHit> hits = search.find(user.get(), terms.get(), after, limit + 1).stream()
                .map(m -> m.hit(terms.get(), snippetLength))
                .toList();
        return new PageResult.Found<>(Pages.of(hits, limit, h -> h.position().encode()));
    }
}
