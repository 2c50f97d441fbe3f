package io.chatstream.query.streaming.interfaces;

import com.google.protobuf.Timestamp;
import io.chatstream.proto.v1.SearchHit;
import io.chatstream.proto.v1.SessionView;
import io.chatstream.proto.v1.Usage;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.MessageView;
import java.time.Instant;

/** Read-model values to their ChatQueryService messages. */
final class ProtoViews {

    private ProtoViews() {
    }

    static io.chatstream.proto.v1.MessageView message(MessageView m) {
        var b = io.chatstream.proto.v1.MessageView.newBuilder()
                .setRequestId(m.requestId()).setRole(m.role().wire()).setContent(m.content()).setStatus(m.status())
                .setCreatedAt(timestamp(m.createdAt())).setTurn(m.turn()).setFinishReason(m.finishReason())
                .setErrorCode(m.errorCode()).setErrorMessage(m.errorMessage()).addAllVersions(m.versions());
        if (m.role() == MessageCursor.Role.ASSISTANT) {
            b.setUsage(Usage.newBuilder().setInputTokens(m.inputTokens()).setOutputTokens(m.outputTokens()))
                    .setReasoning(m.reasoning()).setModel(m.model());
        }
        return b.build();
    }

    static io.chatstream.proto.v1.ModelInfo model(io.chatstream.query.models.domain.OfferedModel m) {
        return io.chatstream.proto.v1.ModelInfo.newBuilder().setId(m.id()).setDisplayName(m.displayName())
                .setThinking(m.thinking()).setVision(m.vision()).setContextTokens(m.contextTokens()).build();
    }

    static SessionView session(io.chatstream.query.history.domain.SessionView s) {
        return SessionView.newBuilder().setSessionId(s.sessionId().value()).setTitle(s.title())
                .setCreatedAt(timestamp(s.createdAt())).setUpdatedAt(timestamp(s.updatedAt()))
                .setMessageCount(s.messageCount()).setPinned(s.pinned()).build();
    }

    static SearchHit hit(io.chatstream.query.history.domain.SearchHit h) {
        return SearchHit.newBuilder().setSessionId(h.sessionId().value()).setSessionTitle(h.sessionTitle())
                .setRequestId(h.requestId().value()).setRole(h.role().wire()).setTurn(h.turn())
                .setSnippet(h.snippet()).setCreatedAt(timestamp(h.createdAt())).build();
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
