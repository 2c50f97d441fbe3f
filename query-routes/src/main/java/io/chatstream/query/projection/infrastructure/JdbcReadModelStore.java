package io.chatstream.query.projection.infrastructure;

import io.chatstream.query.projection.application.ReadModelStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Clears the chat_query tables (DELETE, not TRUNCATE, so it is one transaction). */
public final class JdbcReadModelStore implements ReadModelStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcReadModelStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void clear() {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM message_view");
            jdbc.update("DELETE FROM session_view");
            jdbc.update("DELETE FROM request_ownership");
        });
    }
}
