package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.domain.DailyTokens;
import io.chatstream.domain.UserId;
import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code daily_tokens}: one row per user and day, summed as answers are recorded. */
class JdbcDailyTokens implements DailyTokens {

    private final JdbcTemplate jdbc;

    JdbcDailyTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long spentOn(UserId user, LocalDate day) {
        return jdbc.query("SELECT tokens FROM daily_tokens WHERE user_id = ? AND day = ?",
                (rs, n) -> rs.getLong(1), user.value(), Date.valueOf(day)).stream().findFirst().orElse(0L);
    }

    @Override
    public void add(UserId user, LocalDate day, long tokens) {
        jdbc.update("INSERT INTO daily_tokens (user_id, day, tokens) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE tokens = tokens + VALUES(tokens)", user.value(), Date.valueOf(day), tokens);
    }
}
