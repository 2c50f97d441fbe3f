package io.chatstream.query.streaming.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.streaming.application.RequestOwnerships;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link RequestOwnerships} in table request_ownership. */
class JdbcRequestOwnerships implements RequestOwnerships {

    private final JdbcTemplate jdbc;

    JdbcRequestOwnerships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveIfAbsent(RequestOwnership o, Instant at) {
        // created_at in UTC wall time, as every read-model table (history's Timestamps).
        // traceparent: the projection's span, so the answer stream's end can join the request's trace.
        jdbc.update("INSERT IGNORE INTO request_ownership (request_id, user_id, session_id, turn, traceparent, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                o.requestId().value(), o.userId().value(), o.sessionId().value(), o.turn(),
                OpenTelemetryRelayTraces.currentTraceparent(), LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    @Override
    public Optional<RequestOwnership> find(RequestId requestId) {
        return jdbc.query("SELECT user_id, session_id, turn FROM request_ownership WHERE request_id = ?",
                (rs, i) -> new RequestOwnership(requestId, new UserId(rs.getString(1)),
                        new SessionId(rs.getString(2)), rs.getInt(3)),
                requestId.value()).stream().findFirst();
    }

    @Override
    public void deleteSession(SessionId sessionId) {
        jdbc.update("DELETE FROM request_ownership WHERE session_id = ?", sessionId.value());
    }
}
