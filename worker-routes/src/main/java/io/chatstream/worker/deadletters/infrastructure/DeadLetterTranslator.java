package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Reads one {@code chat.answer.dlq} record (payload + chat-* failure headers) into a dead letter.
 * Never fails: a record whose payload cannot be read is listed under a stand-in id made of its
 * position, so operators still see it (and it can never be replayed).
 */
public final class DeadLetterTranslator {

    public DeadLetter read(Exchange exchange) {
        Message in = exchange.getMessage();
        String payload = in.getBody(String.class);
        int partition = number(in.getHeader(KafkaConstants.PARTITION), 0);
        long offset = number(in.getHeader(KafkaConstants.OFFSET), 0L);
        Instant parkedAt = Instant.ofEpochMilli(number(in.getHeader(KafkaConstants.TIMESTAMP), 0L));
        String code = text(in.getHeader(KafkaDeadLetterTopic.ERROR_CODE));
        String message = text(in.getHeader(KafkaDeadLetterTopic.ERROR_MESSAGE));
        int attempts = number(in.getHeader("chat-attempts"), 0);
        String trace = text(in.getHeader("chat-trace-id"));
        Instant lastFailure = instant(text(in.getHeader("chat-last-failure-at")));
        if (lastFailure != null && parkedAt.toEpochMilli() == 0) {
            parkedAt = lastFailure;
        }
        try {
            PromptSubmitted event = EventJson.read(payload == null ? "" : payload, PromptSubmitted.getDefaultInstance());
            if (event.getRequestId().isBlank()) {
                throw new UnreadableEventException("no request_id");
            }
            return new DeadLetter(event.getRequestId(), event.getSessionId(), event.getUserId(), code, message,
                    attempts, parkedAt, trace.isEmpty() ? event.getTraceId() : trace, partition, offset, true, payload);
        } catch (UnreadableEventException | IllegalArgumentException e) {
            return new DeadLetter("unreadable-" + partition + "-" + offset, "", "", code, message, attempts, parkedAt,
                    trace, partition, offset, false, "");
        }
    }

    private static String text(Object header) {
        if (header == null) {
            return "";
        }
        return header instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : header.toString();
    }

    private static int number(Object header, int fallback) {
        try {
            return header == null ? fallback : Integer.parseInt(text(header).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static long number(Object header, long fallback) {
        try {
            return header == null ? fallback : Long.parseLong(text(header).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Instant instant(String text) {
        try {
            return text.isEmpty() || "null".equals(text) ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
