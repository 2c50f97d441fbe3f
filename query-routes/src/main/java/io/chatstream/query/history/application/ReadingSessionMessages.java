package io.chatstream.query.history.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.history.domain.PageSize;
import io.chatstream.query.history.domain.ShownBranch;
import io.chatstream.query.streaming.application.AnswerStreams;
import io.chatstream.query.streaming.application.Rejection;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: a page of one of the caller's sessions, in turn order: the branch it shows (see {@link ShownBranch}). An answer the read model still
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
        List<MessageView> rows = branchPage(session.get(), after, limit + 1).stream()
                .map(this::withLiveStatus)
                .toList();
        return new PageResult.Found<>(Pages.of(rows, limit, m -> m.position().encode()));
    }

    /**
     * Up to {@code limit} messages of the shown branch after {@code after} (null: from its start), in display
     * order, each with the versions of its turn. A branch has one prompt per turn, so (turn, role) orders it.
     */
    private List<MessageView> branchPage(SessionId session, MessageCursor after, int limit) {
        ShownBranch branch = ShownBranch.of(messages.promptsOf(session), sessions.shownHead(session).orElse(null));
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (ShownBranch.Turn turn : branch.turns()) {
            if (after == null || turn.turn() >= after.turn()) {
                versions.put(turn.requestId(), turn.versions());
            }
            if (versions.size() > limit / 2 + 1) {
                break; // two messages per turn: enough turns for a page
            }
        }
        return messages.ofPrompts(session, versions.keySet()).stream()
                .filter(m -> after == null || m.turn() > after.turn()
                        || (m.turn() == after.turn() && m.role().rank() > after.role().rank()))
                .sorted(Comparator.comparingInt(MessageView::turn).thenComparingInt(m -> m.role().rank()))
                .limit(limit)
                .map(m -> m.withVersions(versions.get(m.requestId())))
                .toList();
    }

    private MessageView withLiveStatus(MessageView message) {
        if (AnswerStatus.QUEUED.equals(message.status()) && streams.exists(new RequestId(message.requestId()))) {
            return message.withStatus(AnswerStatus.STREAMING);
        }
        return message;
    }
}
