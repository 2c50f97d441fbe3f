package io.chatstream.command.conversation.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from DATETIME(6) columns, always as UTC wall-clock time, so stored values do
 * not depend on the JVM's or the server's zone (SQL in the routes uses UTC_TIMESTAMP(6) to match).
 */
final class Timestamps {

    private Timestamps() {
    }

    static LocalDateTime of(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
