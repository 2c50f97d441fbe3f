package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.PromptText;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.RequestAlreadyRecorded;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Prompts in table {@code prompts}; its unique {@code request_id} is the truth of idempotency. */
class JdbcPrompts implements Prompts {

    private static final String COLUMNS = "request_id, session_id, user_id, turn, parent_request_id, text, trace_id, "
            + "accepted_at, status, answer_text, answered_at";

    /** Name of the unique key on request_id in V1__command_schema.sql. */
    private static final String REQUEST_KEY = "uq_prompts_request_id";

    private final JdbcTemplate jdbc;

    JdbcPrompts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserPrompt> find(RequestId requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM prompts WHERE request_id = ?", this::map, requestId.value())
                .stream().findFirst();
    }

    @Override
    public List<UserPrompt> branchEndingAt(RequestId last, int limit) {
        if (limit < 1) {
            return List.of();
        }
        // Walks up the parents (ix_prompts_parent is not needed: each step is a primary-key-like lookup).
        return jdbc.query("WITH RECURSIVE branch AS ("
                + "SELECT " + COLUMNS + ", 1 AS depth FROM prompts WHERE request_id = ? "
                + "UNION ALL SELECT " + prefixed("p") + ", b.depth + 1 FROM prompts p "
                + "JOIN branch b ON p.request_id = b.parent_request_id WHERE b.depth < ?) "
                + "SELECT " + COLUMNS + " FROM branch", this::map, last.value(), limit);
    }

    @Override
    public Optional<UserPrompt> newestAfter(RequestId first) {
        // Walks down the children (ix_prompts_parent); the newest descendant has no child, so it ends a branch.
        return jdbc.query("WITH RECURSIVE below AS ("
                + "SELECT id, request_id FROM prompts WHERE parent_request_id = ? "
                + "UNION ALL SELECT p.id, p.request_id FROM prompts p JOIN below b ON p.parent_request_id = b.request_id) "
                + "SELECT " + prefixed("p") + " FROM below b JOIN prompts p ON p.id = b.id ORDER BY p.id DESC LIMIT 1",
                this::map, first.value()).stream().findFirst();
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    @Override
    public void add(UserPrompt prompt) {
        try {
            jdbc.update("INSERT INTO prompts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    prompt.requestId().value(), prompt.sessionId().value(), prompt.userId().value(), prompt.turn(),
                    prompt.parent().map(RequestId::value).orElse(null), prompt.text().value(), prompt.traceId().value(), Timestamps.of(prompt.acceptedAt()),
                    prompt.state().name(), prompt.answerText().orElse(null),
                    Timestamps.of(prompt.answeredAt().orElse(null)));
        } catch (DuplicateKeyException e) {
            // MariaDB names the violated key; the snapshot of this transaction may not yet show the
            // winner's row, so the key name (not a re-read) tells which race was lost.
            if (String.valueOf(e.getMessage()).contains(REQUEST_KEY)) {
                throw new RequestAlreadyRecorded("request " + prompt.requestId() + " exists");
            }
            throw new IllegalStateException("prompt " + prompt.requestId() + " broke a unique key", e);
        }
    }

    @Override
    public void eraseTextsOf(SessionId sessionId) {
        jdbc.update("UPDATE prompts SET text = '', answer_text = CASE WHEN answer_text IS NULL THEN NULL ELSE '' END "
                + "WHERE session_id = ?", sessionId.value());
    }

    @Override
    public void update(UserPrompt prompt) {
        jdbc.update("UPDATE prompts SET status = ?, answer_text = ?, answered_at = ? WHERE request_id = ?",
                prompt.state().name(), prompt.answerText().orElse(null),
                Timestamps.of(prompt.answeredAt().orElse(null)), prompt.requestId().value());
    }

    private UserPrompt map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_request_id");
        return new UserPrompt(
                new RequestId(rs.getString("request_id")),
                new SessionId(rs.getString("session_id")),
                new UserId(rs.getString("user_id")),
                rs.getInt("turn"),
                parent == null ? null : new RequestId(parent),
                PromptText.restore(rs.getString("text")),
                new TraceId(rs.getString("trace_id")),
                Timestamps.read(rs, "accepted_at"),
                AnswerState.valueOf(rs.getString("status")),
                rs.getString("answer_text"),
                Timestamps.read(rs, "answered_at"));
    }
}
