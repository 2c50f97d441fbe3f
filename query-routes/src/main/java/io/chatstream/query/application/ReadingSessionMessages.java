package io.chatstream.query.application;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.domain.MessageCursor;
import io.chatstream.query.domain.MessageView;
import io.chatstream.query.domain.PageSize;
import java.util.List;
import java.util.Optional;

/** Use case: a page of one of the caller's sessions, in turn order. */
public class ReadingSessionMessages {

    private final SessionViews sessions;
    private final MessageViews messages;

    public ReadingSessionMessages(SessionViews sessions, MessageViews messages) {
        this.sessions = sessions;
        this.messages = messages;
    }

    public PageResult<MessageView> read(String rawUser, String rawSession, String cursor, int pageSize) {
        Optional<UserId> user = UserId.parse(rawUser);
        if (user.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(Codes.INVALID_USER_ID, "malformed user id"));
        }
        Optional<SessionId> session = SessionId.parse(rawSession);
        if (session.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(Codes.INVALID_SESSION_ID, "malformed session id"));
        }
        Optional<PageSize> size = PageSize.parse(pageSize);
        if (size.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(Codes.INVALID_PAGE_SIZE, "page_size must be 1..100"));
        }
        MessageCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<MessageCursor> decoded = MessageCursor.decode(cursor);
            if (decoded.isEmpty()) {
                return new PageResult.Rejected<>(Rejection.invalid(Codes.INVALID_CURSOR, "malformed cursor"));
            }
            after = decoded.get();
        }
        if (sessions.find(session.get()).filter(s -> s.visibleTo(user.get())).isEmpty()) {
            return new PageResult.Rejected<>(Rejection.notFound(Codes.SESSION_NOT_FOUND, "no such session"));
        }
        int limit = size.get().value();
        List<MessageView> rows = messages.page(session.get(), after, limit + 1);
        return new PageResult.Found<>(Pages.of(rows, limit, m -> m.position().encode()));
    }
}
