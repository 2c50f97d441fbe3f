package io.chatstream.command.outbox.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.command.conversation.domain.ContextTurn;
import io.chatstream.command.conversation.domain.PromptCancelled;
import io.chatstream.command.conversation.domain.PromptSubmitted;
import io.chatstream.command.conversation.domain.SessionDeleted;
import io.chatstream.command.conversation.domain.SessionEvent;
import io.chatstream.command.conversation.domain.SessionPinned;
import io.chatstream.command.conversation.domain.SessionRenamed;
import io.chatstream.command.conversation.domain.VersionSelected;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
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
                .setSubmittedAt(timestamp(e.occurredAt()))
                .setThinking(e.options().thinking())
                .setModel(e.options().model())
                .setParentRequestId(e.parent() == null ? "" : e.parent().value())
                .setSessionVersion(e.sessionVersion());
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

    static io.chatstream.proto.v1.SessionChanged of(SessionRenamed e) {
        return changed(e, e.userId(), e.traceId()).setRenamed(io.chatstream.proto.v1.SessionRenamed.newBuilder().setTitle(e.title().value())
                .setGenerated(e.generated()))
                .build();
    }

    static io.chatstream.proto.v1.SessionChanged of(SessionDeleted e) {
        return changed(e, e.userId(), e.traceId()).setDeleted(io.chatstream.proto.v1.SessionDeleted.getDefaultInstance()).build();
    }

    static io.chatstream.proto.v1.SessionChanged of(SessionPinned e) {
        return changed(e, e.userId(), e.traceId())
                .setPinned(io.chatstream.proto.v1.SessionPinned.newBuilder().setPinned(e.pinned()))
                .build();
    }

    static io.chatstream.proto.v1.SessionChanged of(VersionSelected e) {
        return changed(e, e.userId(), e.traceId()).setSessionVersion(e.sessionVersion())
                .setVersionSelected(io.chatstream.proto.v1.VersionSelected.newBuilder()
                        .setRequestId(e.version().value()).setHeadRequestId(e.head().value()))
                .build();
    }

    private static io.chatstream.proto.v1.SessionChanged.Builder changed(SessionEvent e, UserId user, TraceId trace) {
        return io.chatstream.proto.v1.SessionChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setSessionId(e.sessionId().value())
                .setUserId(user.value())
                .setTraceId(trace.value())
                .setOccurredAt(timestamp(e.occurredAt()));
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
