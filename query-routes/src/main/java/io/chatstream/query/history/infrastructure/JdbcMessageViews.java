package io.chatstream.query.history.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.history.domain.PromptNode;
import io.chatstream.query.history.domain.MessageCursor.Role;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link MessageViews} in table message_view; every write is conditional, so replays are no-ops. */
class JdbcMessageViews implements MessageViews {

    private static final String COLUMNS = "request_id, role, turn, content, reasoning, model, status, finish_reason, "
            + "error_code, error_message, input_tokens, output_tokens, created_at";
    private static final String INSERT = "INSERT IGNORE INTO message_view (request_id, role, role_rank, session_id, "
            + "user_id, turn, parent_request_id, content, status, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String INSERT_ANSWER_PLACEHOLDER = INSERT.replace("INSERT IGNORE", "INSERT")
            + " ON DUPLICATE KEY UPDATE created_at = LEAST(created_at, VALUES(created_at))";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcMessageViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void saveSubmittedIfAbsent(SubmittedPrompt p) {
        LocalDateTime at = Timestamps.utc(p.submittedAt());
        tx.executeWithoutResult(s -> {
            jdbc.update(INSERT, p.requestId().value(), Role.USER.wire(), Role.USER.rank(), p.sessionId().value(),
                    p.userId().value(), p.turn(), blankToNull(p.parent()), p.prompt(), "submitted", at, at);
            // An answer that arrived before its prompt is kept; only its time becomes the prompt's (the
            // earlier one), as when the prompt comes first: the view must not depend on event order.
            jdbc.update(INSERT_ANSWER_PLACEHOLDER, p.requestId().value(), Role.ASSISTANT.wire(), Role.ASSISTANT.rank(),
                    p.sessionId().value(), p.userId().value(), p.turn(), null, "", AnswerStatus.QUEUED, at, at);
        });
    }

    @Override
    public Optional<String> answerStatus(RequestId requestId) {
        return jdbc.queryForList("SELECT status FROM message_view WHERE request_id = ? AND role = 'assistant'",
                String.class, requestId.value()).stream().findFirst();
    }

    @Override
    public boolean replaceAnswer(FinishedAnswer a, String expectedStatus) {
        FinalAnswer o = a.finalAnswer();
        LocalDateTime at = Timestamps.utc(a.completedAt());
        if (expectedStatus == null) {
            int inserted = jdbc.update("INSERT IGNORE INTO message_view (request_id, role, role_rank, session_id, "
                            + "user_id, turn, content, reasoning, model, status, finish_reason, error_code, error_message, "
                            + "input_tokens, output_tokens, created_at, updated_at) VALUES (?, 'assistant', ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.requestId().value(), Role.ASSISTANT.rank(), a.sessionId().value(), a.userId().value(), a.turn(),
                    o.text(), blankToNull(o.reasoning()), blankToNull(o.model()), o.status(), blankToNull(o.finishReason()),
                    blankToNull(o.errorCode()), clip(o.errorMessage()), o.inputTokens(), o.outputTokens(), at, at);
            return inserted == 1;
        }
        int updated = jdbc.update("UPDATE message_view SET content = ?, reasoning = ?, model = ?, status = ?, "
                        + "finish_reason = ?, "
                        + "error_code = ?, error_message = ?, input_tokens = ?, output_tokens = ?, updated_at = ? "
                        + "WHERE request_id = ? AND role = 'assistant' AND status = ?",
                o.text(), blankToNull(o.reasoning()), blankToNull(o.model()), o.status(), blankToNull(o.finishReason()),
                blankToNull(o.errorCode()), clip(o.errorMessage()), o.inputTokens(), o.outputTokens(), at,
                a.requestId().value(), expectedStatus);
        return updated == 1;
    }

    @Override
    public Optional<MessageView> answer(RequestId requestId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM message_view WHERE request_id = ? AND role = 'assistant'",
                JdbcMessageViews::row, requestId.value()).stream().findFirst();
    }

    @Override
    public List<PromptNode> promptsOf(SessionId sessionId) {
        return jdbc.query("SELECT request_id, parent_request_id, turn FROM message_view "
                        + "WHERE session_id = ? AND role = 'user' ORDER BY created_at, request_id",
                (rs, i) -> new PromptNode(rs.getString("request_id"), rs.getString("parent_request_id"),
                        rs.getInt("turn")), sessionId.value());
    }

    @Override
    public List<MessageView> ofPrompts(SessionId sessionId, Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(requestIds.size(), "?"));
        List<Object> args = new ArrayList<>(requestIds);
        args.add(0, sessionId.value());
        return jdbc.query("SELECT " + COLUMNS + " FROM message_view WHERE session_id = ? AND request_id IN (" + marks
                + ")", JdbcMessageViews::row, args.toArray());
    }

    private static MessageView row(ResultSet rs, int i) throws SQLException {
        return new MessageView(rs.getString("request_id"), Role.of(rs.getString("role")).orElseThrow(),
                rs.getInt("turn"), rs.getString("content"), nullToBlank(rs.getString("reasoning")),
                rs.getString("status"), nullToBlank(rs.getString("finish_reason")),
                nullToBlank(rs.getString("error_code")), nullToBlank(rs.getString("error_message")),
                rs.getInt("input_tokens"), rs.getInt("output_tokens"),
                Timestamps.instant(rs.getObject("created_at", LocalDateTime.class)),
                nullToBlank(rs.getString("model")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }

    private static String clip(String s) {
        String v = blankToNull(s);
        return v != null && v.length() > 1024 ? v.substring(0, 1024) : v;
    }

    @Override
    public void deleteSession(SessionId sessionId) {
        jdbc.update("DELETE FROM message_view WHERE session_id = ?", sessionId.value());
    }
}
