package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.SessionState;
import io.chatstream.command.conversation.domain.SessionTitle;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sessions in table {@code sessions}; an optimistic {@code version} guards concurrent writers. */
class JdbcSessions implements Sessions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcSessions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int countKeptBy(UserId owner) {
        Integer kept = jdbc.queryForObject("SELECT COUNT(*) FROM sessions WHERE user_id = ? AND state <> 'DELETED'",
                Integer.class, owner.value());
        return kept == null ? 0 : kept;
    }

    @Override
    public Optional<ConversationSession> find(SessionId id) {
        return jdbc.query("""
                SELECT id, user_id, state, next_turn, in_flight_request_id, in_flight_since, title, title_generated,
                    head_request_id, pinned, version
                FROM sessions WHERE id = ?""", this::map, id.value()).stream().findFirst();
    }

    @Override
    public void save(ConversationSession session) {
        LocalDateTime now = Timestamps.of(clock.instant());
        String inFlight = session.inFlight().map(RequestId::value).orElse(null);
        LocalDateTime since = Timestamps.of(session.inFlightSince().orElse(null));
        String title = session.title().map(SessionTitle::value).orElse(null);
        String head = session.head().map(RequestId::value).orElse(null);
        if (session.version() == 0) {
            jdbc.update("""
                    INSERT INTO sessions (id, user_id, state, next_turn, in_flight_request_id, in_flight_since,
                        title, title_generated, head_request_id, pinned, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
                    session.id().value(), session.owner().value(), session.state().name(), session.nextTurn(),
                    inFlight, since, title, session.isTitleGenerated(), head, session.isPinned(), now, now);
            return;
        }
        int updated = jdbc.update("""
                UPDATE sessions SET state = ?, next_turn = ?, in_flight_request_id = ?, in_flight_since = ?,
                    title = ?, title_generated = ?, head_request_id = ?, pinned = ?, version = version + 1,
                    updated_at = ?
                WHERE id = ? AND version = ?""",
                session.state().name(), session.nextTurn(), inFlight, since, title, session.isTitleGenerated(), head,
                session.isPinned(), now,
                session.id().value(), session.version());
        if (updated != 1) {
            throw new ConcurrentSessionChange("session " + session.id() + " changed since version " + session.version());
        }
    }

    private ConversationSession map(ResultSet rs, int row) throws SQLException {
        String inFlight = rs.getString("in_flight_request_id");
        String title = rs.getString("title");
        String head = rs.getString("head_request_id");
        return new ConversationSession(
                new SessionId(rs.getString("id")),
                new UserId(rs.getString("user_id")),
                SessionState.valueOf(rs.getString("state")),
                rs.getInt("next_turn"),
                inFlight == null ? null : new RequestId(inFlight),
                Timestamps.read(rs, "in_flight_since"),
                title == null ? null : new SessionTitle(title),
                rs.getBoolean("title_generated"),
                head == null ? null : new RequestId(head),
                rs.getBoolean("pinned"),
                rs.getLong("version"));
    }
}
