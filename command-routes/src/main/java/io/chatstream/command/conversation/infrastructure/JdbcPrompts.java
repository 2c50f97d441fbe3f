package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
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

    private static final String COLUMNS = """
            request_id, session_id, user_id, turn, text, trace_id, accepted_at, status, answer_text, answered_at""";

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
    public List<UserPrompt> latestOf(SessionId sessionId, int beforeTurn, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM prompts WHERE session_id = ? AND turn < ? ORDER BY turn DESC LIMIT ?",
                this::map, sessionId.value(), beforeTurn, limit);
    }

    @Override
    public void add(UserPrompt prompt) {
        try {
            jdbc.update("INSERT INTO prompts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    prompt.requestId().value(), prompt.sessionId().value(), prompt.userId().value(), prompt.turn(),
                    prompt.text().value(), prompt.traceId().value(), Timestamps.of(prompt.acceptedAt()),
                    prompt.state().name(), prompt.answerText().orElse(null),
                    Timestamps.of(prompt.answeredAt().orElse(null)));
        } catch (DuplicateKeyException e) {
            // MariaDB names the violated key; the snapshot of this transaction may not yet show the
            // winner's row, so the key name (not a re-read) tells which race was lost.
            if (String.valueOf(e.getMessage()).contains(REQUEST_KEY)) {
                throw new RequestAlreadyRecorded("request " + prompt.requestId() + " exists");
            }
            throw new ConcurrentSessionChange("turn " + prompt.turn() + " of session " + prompt.sessionId() + " taken");
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
        return new UserPrompt(
                new RequestId(rs.getString("request_id")),
                new SessionId(rs.getString("session_id")),
                new UserId(rs.getString("user_id")),
                rs.getInt("turn"),
                PromptText.restore(rs.getString("text")),
                new TraceId(rs.getString("trace_id")),
                Timestamps.read(rs, "accepted_at"),
                AnswerState.valueOf(rs.getString("status")),
                rs.getString("answer_text"),
                Timestamps.read(rs, "answered_at"));
    }
}
