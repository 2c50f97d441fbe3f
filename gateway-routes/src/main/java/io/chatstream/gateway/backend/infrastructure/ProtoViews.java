package io.chatstream.gateway.backend.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.StreamEntryKind;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.backend.application.TokenUsage;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.MessageView;
import io.chatstream.proto.v1.SessionView;
import io.chatstream.proto.v1.Usage;
import java.time.Instant;

/** Proto messages to the gateway's plain views (the anti-corruption step). */
final class ProtoViews {

    private ProtoViews() {
    }

    static Instant instant(boolean present, Timestamp ts) {
        return present ? Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()) : null;
    }

    static TokenUsage usage(boolean present, Usage usage) {
        return present ? new TokenUsage(usage.getInputTokens(), usage.getOutputTokens()) : null;
    }

    static SessionSummary session(SessionView v) {
        return new SessionSummary(v.getSessionId(), v.getTitle(), instant(v.hasUpdatedAt(), v.getUpdatedAt()),
                instant(v.hasCreatedAt(), v.getCreatedAt()), v.getMessageCount(), v.getPinned());
    }

    static MessageEntry message(MessageView v) {
        return new MessageEntry(v.getRequestId(), v.getRole(), v.getContent(), v.getStatus(),
                instant(v.hasCreatedAt(), v.getCreatedAt()), v.getTurn(), v.getFinishReason(), v.getErrorCode(),
                v.getErrorMessage(), usage(v.hasUsage(), v.getUsage()), v.getReasoning(), v.getModel(),
                v.getVersionsList());
    }

    static SearchHit hit(io.chatstream.proto.v1.SearchHit h) {
        return new SearchHit(h.getSessionId(), h.getSessionTitle(), h.getRequestId(), h.getRole(), h.getTurn(),
                h.getSnippet(), instant(h.hasCreatedAt(), h.getCreatedAt()));
    }

    /** Null for a kind this gateway does not know (a newer query service): skipped, not fatal. */
    static AnswerEvent event(AnswerChunk c) {
        return switch (c.getKind()) {
            case StreamEntryKind.TOKEN -> new AnswerEvent.Token(c.getSeq(), c.getToken());
            // The proto carries the reasoning piece in the token field; the kind says it is not answer text.
            case StreamEntryKind.THINKING -> new AnswerEvent.Thinking(c.getSeq(), c.getToken());
            case StreamEntryKind.RESET -> new AnswerEvent.Reset(c.getSeq(), c.getAttempt());
            case StreamEntryKind.DONE -> new AnswerEvent.Done(c.getSeq(), c.getStatus(), c.getFinishReason(),
                    usage(true, c.getUsage()));
            case StreamEntryKind.ERROR -> new AnswerEvent.Failed(c.getSeq(), c.getErrorCode(), c.getErrorMessage());
            case StreamEntryKind.HEARTBEAT -> new AnswerEvent.Heartbeat(c.getSeq());
            default -> null;
        };
    }
}
