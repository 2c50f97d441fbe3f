package io.chatstream.query.history.application;

import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.PageSize;
import io.chatstream.query.history.domain.SessionCursor;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.streaming.application.Rejection;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.util.Optional;

/** Use case: the caller's sessions, pinned ones first, then the most recently active first. */
public class ListingSessions {

    private final SessionViews sessions;

    public ListingSessions(SessionViews sessions) {
        this.sessions = sessions;
    }

    public PageResult<SessionView> list(String rawUser, String cursor, int pageSize) {
        Optional<UserId> user = UserId.parse(rawUser);
        if (user.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_USER_ID, "malformed user id"));
        }
        Optional<PageSize> size = PageSize.parse(pageSize);
        if (size.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_PAGE_SIZE,
                    "page_size must be 1..100"));
        }
        SessionCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<SessionCursor> decoded = SessionCursor.decode(cursor);
            if (decoded.isEmpty()) {
                return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_CURSOR, "malformed cursor"));
            }
            after = decoded.get();
        }
        int limit = size.get().value();
        return new PageResult.Found<>(Pages.of(sessions.page(user.get(), after, limit + 1), limit,
                s -> s.position().encode()));
    }
}
