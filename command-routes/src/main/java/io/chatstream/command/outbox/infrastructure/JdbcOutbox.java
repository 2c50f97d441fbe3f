package io.chatstream.command.outbox.infrastructure;

import io.chatstream.domain.SessionId;
import io.chatstream.command.conversation.application.Outbox;
import io.chatstream.command.conversation.domain.PromptCancelled;
import io.chatstream.command.conversation.domain.PromptSubmitted;
import io.chatstream.command.conversation.domain.SessionDeleted;
import io.chatstream.command.conversation.domain.SessionEvent;
import io.chatstream.command.conversation.domain.SessionPinned;
import io.chatstream.command.conversation.domain.SessionRenamed;
import io.chatstream.command.conversation.domain.VersionSelected;
import io.chatstream.contracts.EventJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox table: one row per event, in the caller's transaction. The relay ({@link OutboxRelay})
 * publishes the rows with key = session id.
 */
class JdbcOutbox implements Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String submittedTopic;
    private final String cancelledTopic;
    private final String sessionChangedTopic;

    JdbcOutbox(JdbcTemplate jdbc, Clock clock, String submittedTopic, String cancelledTopic,
            String sessionChangedTopic) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.submittedTopic = submittedTopic;
        this.cancelledTopic = cancelledTopic;
        this.sessionChangedTopic = sessionChangedTopic;
    }

    @Override
    public void add(SessionEvent event) {
        String topic;
        String payload;
        if (event instanceof PromptSubmitted submitted) {
            topic = submittedTopic;
            payload = EventJson.write(EventMessages.of(submitted));
        } else if (event instanceof PromptCancelled cancelled) {
            topic = cancelledTopic;
            payload = EventJson.write(EventMessages.of(cancelled));
        } else if (event instanceof SessionRenamed renamed) {
            topic = sessionChangedTopic;
            payload = EventJson.write(EventMessages.of(renamed));
        } else if (event instanceof SessionDeleted deleted) {
            topic = sessionChangedTopic;
            payload = EventJson.write(EventMessages.of(deleted));
        } else if (event instanceof SessionPinned pinned) {
            topic = sessionChangedTopic;
            payload = EventJson.write(EventMessages.of(pinned));
        } else if (event instanceof VersionSelected selected) {
            topic = sessionChangedTopic;
            payload = EventJson.write(EventMessages.of(selected));
        } else {
            throw new IllegalArgumentException("no topic for " + event.getClass().getSimpleName());
        }
        jdbc.update("INSERT INTO outbox (topic, msg_key, payload, traceparent, created_at) VALUES (?, ?, ?, ?, ?)",
                topic, event.sessionId().value(), payload, traceparent(), createdAt());
    }

    @Override
    public void forgetSentOf(SessionId sessionId) {
        jdbc.update("DELETE FROM outbox WHERE msg_key = ? AND sent_at IS NOT NULL", sessionId.value());
    }

    /** Drops rows sent before {@code before} (at most {@code limit}); returns how many went. */
    int forgetSentBefore(java.time.Instant before, int limit) {
        return jdbc.update("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ? ORDER BY id LIMIT ?",
                LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit);
    }

    /**
     * Now as UTC wall-clock time, like every DATETIME(6) column of the service (the conversation's
     * {@code Timestamps}): the backlog gauges compare it with {@code UTC_TIMESTAMP(6)}.
     */
    private LocalDateTime createdAt() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The current span as a W3C traceparent, stored with the row for the relay; null outside a trace. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex()
                : null;
    }
}
