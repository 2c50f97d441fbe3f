package io.chatstream.query.history.application;

import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.HitCursor;
import io.chatstream.query.history.domain.MatchingMessage;
import io.chatstream.query.history.domain.SearchTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link MessageSearch} over a list: the text rule and the newest-first order, without titles or statuses. */
final class InMemoryMessageSearch implements MessageSearch {

    private record Stored(UserId user, MatchingMessage message) {
    }

    private static final Comparator<MatchingMessage> NEWEST_FIRST = Comparator
            .comparing(MatchingMessage::createdAt)
            .thenComparing(m -> m.requestId().value())
            .thenComparing(m -> m.role().rank())
            .reversed();

    private final List<Stored> messages = new ArrayList<>();

    void add(UserId user, MatchingMessage message) {
        messages.add(new Stored(user, message));
    }

    @Override
    public List<MatchingMessage> find(UserId user, SearchTerms terms, HitCursor after, int limit) {
        return messages.stream()
                .filter(s -> s.user().equals(user))
                .map(Stored::message)
                .filter(m -> terms.firstIn(m.text()) >= 0)
                .sorted(NEWEST_FIRST)
                .filter(m -> after == null || NEWEST_FIRST.compare(m, at(after)) > 0)
                .limit(limit)
                .toList();
    }

    private static MatchingMessage at(HitCursor c) {
        return new MatchingMessage(null, "", c.requestId(), c.role(), 0, "", c.createdAt());
    }
}
