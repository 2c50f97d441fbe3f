package io.chatstream.query.history.infrastructure;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.history.domain.SessionCursor;
import io.chatstream.query.history.domain.SessionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link SessionViews} in table session_view. */
class JdbcSessionViews implements SessionViews {

    private static final String COLUMNS = "session_id, user_id, title, created_at, updated_at, message_count, deleted, pinned";
    private static final String LIST_ORDER = " ORDER BY pinned DESC, updated_at DESC, session_id DESC LIMIT ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcSessionViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void recordActivity(SessionId sessionId, UserId userId, int turn, String title, Instant at) {
        LocalDateTime when = Timestamps.utc(at);
        // A null title must never win the lowest-turn race: it enters with the largest possible turn.
        int titleTurn = title == null ? Integer.MAX_VALUE : turn;
        String titleText = title == null ? "" : title;
        tx.executeWithoutResult(s -> {
            // MariaDB applies the assignments left to right, so title is decided before title_turn moves.
            jdbc.update("INSERT INTO session_view (session_id, user_id, title, title_turn, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                            + "title = IF(NOT title_user_set AND VALUES(title_turn) < title_turn, VALUES(title), title), "
                            + "title_turn = LEAST(title_turn, VALUES(title_turn)), "
                            + "created_at = LEAST(created_at, VALUES(created_at)), "
                            + "updated_at = GREATEST(updated_at, VALUES(updated_at))",
                    sessionId.value(), userId.value(), titleText, titleTurn, when, when);
            jdbc.update("UPDATE session_view SET message_count = "
                    + "(SELECT COUNT(*) FROM message_view WHERE session_id = ?) WHERE session_id = ?",
                    sessionId.value(), sessionId.value());
        });
    }

    @Override
    public Optional<SessionView> find(SessionId sessionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM session_view WHERE session_id = ?",
                JdbcSessionViews::row, sessionId.value()).stream().findFirst();
    }

    @Override
    public boolean isDeleted(SessionId sessionId) {
        return jdbc.queryForList("SELECT deleted FROM session_view WHERE session_id = ?", Boolean.class,
                sessionId.value()).stream().anyMatch(Boolean.TRUE::equals);
    }

    @Override
    public void rename(SessionId sessionId, UserId userId, String title, Instant at) {
        // The owner's title: kept only over a later one of the owner's own; a suggested one always yields.
        retitle(sessionId, userId, title, at, false, "deleted OR (title_set_at > VALUES(title_set_at) AND NOT title_generated)");
    }

    @Override
    public void suggestTitle(SessionId sessionId, UserId userId, String title, Instant at) {
        // The model's title never replaces the owner's (title_user_set without title_generated).
        retitle(sessionId, userId, title, at, true, "deleted OR (title_user_set AND NOT title_generated) "
                + "OR title_set_at > VALUES(title_set_at)");
    }

    private void retitle(SessionId sessionId, UserId userId, String title, Instant at, boolean generated, String keep) {
        LocalDateTime when = Timestamps.utc(at);
        // Assignments run left to right: each IF(keep, ...) reads only columns assigned after it or left as
        // they were (when kept), so every one of them takes the same decision; title_user_set moves last.
        // A rename is activity like a prompt: updated_at takes the latest, whichever event came first. A title
        // the model suggested is not the person's doing: it leaves the list order as it is.
        jdbc.update("INSERT INTO session_view (session_id, user_id, title, title_turn, created_at, updated_at, "
                        + "title_user_set, title_set_at, title_generated) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE "
                        + "title = IF(" + keep + ", title, VALUES(title)), "
                        + "title_set_at = IF(" + keep + ", title_set_at, VALUES(title_set_at)), "
                        + "title_generated = IF(" + keep + ", title_generated, VALUES(title_generated)), "
                        + "title_user_set = IF(deleted, title_user_set, TRUE), "
                        + (generated ? "updated_at = updated_at" : "updated_at = GREATEST(updated_at, VALUES(updated_at))"),
                sessionId.value(), userId.value(), title, Integer.MAX_VALUE, when, when, when, generated);
    }

    @Override
    public void showBranch(SessionId sessionId, UserId userId, String head, long sessionVersion, Instant at) {
        LocalDateTime when = Timestamps.utc(at);
        // Assignments run left to right: head_request_id is decided on the old head_version before that moves.
        // Choosing a branch is not activity: updated_at (the list order) stays.
        jdbc.update("INSERT INTO session_view (session_id, user_id, title, title_turn, created_at, updated_at, "
                        + "head_request_id, head_version) VALUES (?, ?, '', ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "head_request_id = IF(deleted OR VALUES(head_version) < head_version, head_request_id, "
                        + "VALUES(head_request_id)), "
                        + "head_version = IF(deleted, head_version, GREATEST(head_version, VALUES(head_version)))",
                sessionId.value(), userId.value(), Integer.MAX_VALUE, when, when, head, sessionVersion);
    }

    @Override
    public Optional<String> shownHead(SessionId sessionId) {
        return jdbc.queryForList("SELECT head_request_id FROM session_view WHERE session_id = ?", String.class,
                sessionId.value()).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @Override
    public void pin(SessionId sessionId, UserId userId, boolean pinned, Instant at) {
        LocalDateTime when = Timestamps.utc(at);
        // pinned is decided before pinned_changed_at moves (assignments run left to right). Pinning is not
        // activity: updated_at (the place in time) stays; a row made here takes at until a prompt widens it.
        jdbc.update("INSERT INTO session_view (session_id, user_id, title, title_turn, created_at, updated_at, "
                        + "pinned, pinned_changed_at) VALUES (?, ?, '', ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "pinned = IF(deleted OR pinned_changed_at > VALUES(pinned_changed_at), pinned, "
                        + "VALUES(pinned)), "
                        + "pinned_changed_at = IF(deleted OR pinned_changed_at > VALUES(pinned_changed_at), "
                        + "pinned_changed_at, VALUES(pinned_changed_at))",
                sessionId.value(), userId.value(), Integer.MAX_VALUE, when, when, pinned, when);
    }

    @Override
    public void markDeleted(SessionId sessionId, UserId userId, Instant at) {
        LocalDateTime when = Timestamps.utc(at);
        // The title is the user's text too: a tombstone keeps only ids and times.
        jdbc.update("INSERT INTO session_view (session_id, user_id, title, title_turn, created_at, updated_at, "
                        + "message_count, deleted) VALUES (?, ?, '', ?, ?, ?, 0, TRUE) ON DUPLICATE KEY UPDATE "
                        + "deleted = TRUE, title = '', message_count = 0",
                sessionId.value(), userId.value(), Integer.MAX_VALUE, when, when);
    }

    @Override
    public List<SessionView> page(UserId userId, SessionCursor after, int limit) {
        if (after == null) {
            return jdbc.query("SELECT " + COLUMNS + " FROM session_view WHERE user_id = ? AND deleted = FALSE"
                    + LIST_ORDER, JdbcSessionViews::row, userId.value(), limit);
        }
        LocalDateTime at = Timestamps.utc(after.updatedAt());
        // After a pinned position come the older pinned sessions, then every unpinned one; after an
        // unpinned position only older unpinned ones.
        return jdbc.query("SELECT " + COLUMNS + " FROM session_view WHERE user_id = ? AND deleted = FALSE "
                        + "AND (pinned < ? OR (pinned = ? AND (updated_at < ? OR (updated_at = ? AND session_id < ?))))"
                        + LIST_ORDER,
                JdbcSessionViews::row, userId.value(), after.pinned(), after.pinned(), at, at,
                after.sessionId().value(), limit);
    }

    private static SessionView row(ResultSet rs, int i) throws SQLException {
        return new SessionView(new SessionId(rs.getString("session_id")), new UserId(rs.getString("user_id")),
                rs.getString("title"), Timestamps.instant(rs.getObject("created_at", LocalDateTime.class)),
                Timestamps.instant(rs.getObject("updated_at", LocalDateTime.class)), rs.getInt("message_count"),
                rs.getBoolean("deleted"), rs.getBoolean("pinned"));
    }
}
