package io.chatstream.command.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.command.domain.ContextTurn;
import io.chatstream.command.domain.PromptCancelled;
import io.chatstream.command.domain.PromptSubmitted;
import io.chatstream.proto.v1.ContextTurn.Builder;
import java.time.Instant;
import java.util.UUID;

/** Domain events as the contract's Kafka messages (proto/chat/v1/events.proto). */
final class EventMessages {

    private EventMessages() {
    }

    static io.chatstream.proto.v1.PromptSubmitted of(PromptSubmitted e) {
        io.chatstream.proto.v1.PromptSubmitted.Builder message = io.chatstream.proto.v1.PromptSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setRequestId(e.requestId().value())
                .setSessionId(e.sessionId().value())
                .setUserId(e.userId().value())
                .setTraceId(e.traceId().value())
                .setTurn(e.turn())
                .setPrompt(e.prompt().value())
                .setSubmittedAt(timestamp(e.occurredAt()));
        for (ContextTurn turn : e.context()) {
            Builder contextTurn = io.chatstream.proto.v1.ContextTurn.newBuilder()
                    .setRole(turn.role() == ContextTurn.Role.USER ? "user" : "assistant")
                    .setContent(turn.content());
            message.addContext(contextTurn);
        }
        return message.build();
    }

    static io.chatstream.proto.v1.PromptCancelled of(PromptCancelled e) {
        return io.chatstream.proto.v1.PromptCancelled.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setRequestId(e.requestId().value())
                .setSessionId(e.sessionId().value())
                .setUserId(e.userId().value())
                .setTraceId(e.traceId().value())
                .setCancelledAt(timestamp(e.occurredAt()))
                .build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
