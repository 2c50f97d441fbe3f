package io.chatstream.command.outbox.infrastructure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outbox backlog for alerts: a growing count or age means Kafka or the relay is stuck and
 * prompts are not reaching the workers. Read at scrape time (indexed query).
 */
class OutboxMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;

    OutboxMetrics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("chat.command.outbox.pending", () -> query(
                        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL"))
                .description("outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder("chat.command.outbox.oldest.pending.seconds", () -> query(
                        "SELECT COALESCE(TIMESTAMPDIFF(SECOND, MIN(created_at), UTC_TIMESTAMP(6)), 0) FROM outbox WHERE sent_at IS NULL"))
                .description("age of the oldest pending outbox row").baseUnit("seconds").register(registry);
    }

    private double query(String sql) {
        try {
            Number value = jdbc.queryForObject(sql, Number.class);
            return value == null ? 0 : value.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
