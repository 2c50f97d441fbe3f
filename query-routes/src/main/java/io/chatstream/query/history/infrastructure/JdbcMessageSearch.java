package io.chatstream.query.history.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.application.MessageSearch;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.HitCursor;
import io.chatstream.query.history.domain.MatchingMessage;
import io.chatstream.query.history.domain.MessageCursor.Role;
import io.chatstream.query.history.domain.SearchTerms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link MessageSearch} over message_view joined with session_view. Both sides are lower-cased and compared with
 * LIKE in the tables' binary collation: a plain substring test, case-insensitive wherever LOWER changes a letter
 * and exact for everything else (a collation such as utf8mb4_unicode_ci would also equate accented and unaccented
 * letters and ignore some characters, which the snippet could then not find again). Both tables are filtered by
 * the user, so another user's rows never take part; the scan walks ix_message_view_user_created (V4) newest first.
 */
class JdbcMessageSearch implements MessageSearch {

    /** LIKE's escape character here: not a backslash, so the statement reads the same whatever the SQL mode. */
    static final char ESCAPE = '!';

    private static final String SELECT = "SELECT m.session_id, s.title, m.request_id, m.role, m.turn, m.content, "
            + "m.created_at FROM message_view m JOIN session_view s ON s.session_id = m.session_id "
            + "WHERE m.user_id = ? AND s.user_id = ? AND s.deleted = FALSE "
            + "AND m.status IN ('submitted', '" + AnswerStatus.COMPLETED + "', '" + AnswerStatus.STOPPED + "') "
            + "AND (LOWER(m.content) LIKE LOWER(?) ESCAPE '" + ESCAPE + "' "
            // A title hit is the session's first prompt.
            + "OR (m.role = 'user' AND LOWER(s.title) LIKE LOWER(?) ESCAPE '" + ESCAPE + "' AND m.turn = "
            + "(SELECT MIN(f.turn) FROM message_view f WHERE f.session_id = m.session_id AND f.role = 'user')))";
    private static final String AFTER = " AND (m.created_at < ? OR (m.created_at = ? AND (m.request_id < ? "
            + "OR (m.request_id = ? AND m.role_rank < ?))))";
    private static final String ORDER = " ORDER BY m.created_at DESC, m.request_id DESC, m.role_rank DESC LIMIT ?";

    private final JdbcTemplate jdbc;

    JdbcMessageSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MatchingMessage> find(UserId user, SearchTerms terms, HitCursor after, int limit) {
        String pattern = "%" + literal(terms.text()) + "%";
        List<Object> args = new ArrayList<>(List.of(user.value(), user.value(), pattern, pattern));
        String sql = SELECT;
        if (after != null) {
            LocalDateTime at = Timestamps.utc(after.createdAt());
            sql += AFTER;
            args.addAll(List.of(at, at, after.requestId().value(), after.requestId().value(), after.role().rank()));
        }
        args.add(limit);
        return jdbc.query(sql + ORDER, JdbcMessageSearch::row, args.toArray());
    }

    /** {@code text} as a LIKE pattern that matches exactly itself: %, _ and the escape character escaped. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static MatchingMessage row(ResultSet rs, int i) throws SQLException {
        return new MatchingMessage(new SessionId(rs.getString("session_id")), rs.getString("title"),
                new RequestId(rs.getString("request_id")), Role.of(rs.getString("role")).orElseThrow(),
                rs.getInt("turn"), rs.getString("content"),
                Timestamps.instant(rs.getObject("created_at", LocalDateTime.class)));
    }
}
