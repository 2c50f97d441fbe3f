package io.chatstream.query.history.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.history.domain.PageSize;
import io.chatstream.query.streaming.application.AnswerStreams;
import io.chatstream.query.streaming.application.Rejection;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.util.List;
import java.util.Optional;

/**
 * Use case: a page of one of the caller's sessions, in turn order. An answer the read model still
 * has as queued shows as streaming once the worker has begun its stream: the worker publishes
 * no event when it starts, and the live stream is the fact that says so.
 */
public class ReadingSessionMessages {

    private final SessionViews sessions;
    private final MessageViews messages;
    private final AnswerStreams streams;

    public ReadingSessionMessages(SessionViews sessions, MessageViews messages, AnswerStreams streams) {
        this.sessions = sessions;
        this.messages = messages;
        this.streams = streams;
    }

    public PageResult<MessageView> read(String rawUser, String rawSession, String cursor, int pageSize) {
        Optional<UserId> user = UserId.parse(rawUser);
        if (user.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_USER_ID, "malformed user id"));
        }
        Optional<SessionId> session = SessionId.parse(rawSession);
        if (session.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_SESSION_ID,
                    "malformed session id"));
        }
        Optional<PageSize> size = PageSize.parse(pageSize);
        if (size.isEmpty()) {
            return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_PAGE_SIZE,
                    "page_size must be 1..100"));
        }
        MessageCursor after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<MessageCursor> decoded = MessageCursor.decode(cursor);
            if (decoded.isEmpty()) {
                return new PageResult.Rejected<>(Rejection.invalid(RejectionCodes.INVALID_CURSOR, "malformed cursor"));
            }
            after = decoded.get();
        }
        if (sessions.find(session.get()).filter(s -> s.visibleTo(user.get())).isEmpty()) {
            return new PageResult.Rejected<>(Rejection.notFound(RejectionCodes.SESSION_NOT_FOUND, "no such session"));
        }
        int limit = size.get().value();
        List<MessageView> rows = messages.page(session.get(), after, limit + 1).stream()
                .map(this::withLiveStatus)
                .toList();
        return new PageResult.Found<>(Pages.of(rows, limit, m -> m.position().encode()));
    }

    private MessageView withLiveStatus(MessageView message) {
        if (AnswerStatus.QUEUED.equals(message.status()) && streams.exists(new RequestId(message.requestId()))) {
            return message.withStatus(AnswerStatus.STREAMING);
        }
        return message;
    }
}
