package io.chatstream.worker.answering.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.Timings;
import io.chatstream.worker.answering.application.AnswerOutcome;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.Usage;
import java.time.Instant;
import java.util.UUID;

/** Writes an outcome as the contract's AnswerCompleted JSON (events.proto). */
final class OutcomeJson {

    private OutcomeJson() {
    }

    static String write(AnswerOutcome outcome, String model) {
        AnswerEvent event = outcome.event();
        AnswerCompleted.Builder b = AnswerCompleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setRequestId(event.requestId().value())
                .setSessionId(event.sessionId().value())
                .setUserId(event.userId().value())
                .setTraceId(outcome.prompt().traceId())
                .setTurn(event.turn())
                .setStatus(event.status().wireName())
                .setText(event.text())
                .setAttempts(event.attempts())
                .setModel(model)
                .setTimings(Timings.newBuilder()
                        .setQueueWaitMs(clamp(outcome.timings().queueWaitMs()))
                        .setFirstTokenMs(clamp(outcome.timings().firstTokenMs()))
                        .setTotalMs(clamp(outcome.timings().totalMs())))
                .setCompletedAt(timestamp(event.occurredAt()))
                .setReasoning(event.reasoning());
        if (event.turn() == 1) {
            // A new conversation's title is suggested from its first prompt and answer (titling).
            b.setPrompt(outcome.prompt().prompt());
        }
        if (event instanceof AnswerEvent.AnswerCompleted completed) {
            b.setFinishReason(completed.finishReason()).setUsage(usage(completed.usage()));
        } else if (event instanceof AnswerEvent.AnswerStopped stopped) {
            b.setUsage(usage(stopped.usage()));
        } else if (event instanceof AnswerEvent.AnswerFailed failed) {
            b.setErrorCode(failed.errorCode()).setErrorMessage(failed.errorMessage());
        }
        return EventJson.write(b);
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static io.chatstream.proto.v1.Usage usage(Usage usage) {
        return io.chatstream.proto.v1.Usage.newBuilder()
                .setInputTokens(usage.inputTokens()).setOutputTokens(usage.outputTokens()).build();
    }

    private static int clamp(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis));
    }
}
