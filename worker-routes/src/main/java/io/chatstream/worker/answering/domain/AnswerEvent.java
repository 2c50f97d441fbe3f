package io.chatstream.worker.answering.domain;

import io.chatstream.domain.DomainEvent;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/**
 * How answering one prompt ended: the domain's fact, one per prompt. The application publishes it as the
 * prompt's outcome (with trace id, timings and model); the events themselves never leave the service.
 */
public sealed interface AnswerEvent extends DomainEvent
        permits AnswerEvent.AnswerCompleted, AnswerEvent.AnswerFailed, AnswerEvent.AnswerStopped {

    RequestId requestId();

    SessionId sessionId();

    UserId userId();

    int turn();

    /** The answer text (for failed and stopped: the text of the last attempt so far). */
    String text();

    int attempts();

    TaskState status();

    /** The model's reasoning before the answer (thinking models), "" when none; never part of the text. */
    default String reasoning() {
        return "";
    }

    record AnswerCompleted(RequestId requestId, SessionId sessionId, UserId userId, int turn, String text,
            String finishReason, Usage usage, int attempts, Instant occurredAt, String reasoning) implements AnswerEvent {

        @Override
        public TaskState status() {
            return TaskState.COMPLETED;
        }
    }

    record AnswerFailed(RequestId requestId, SessionId sessionId, UserId userId, int turn, String text,
            String errorCode, String errorMessage, FailureClass failureClass, int attempts, Instant firstFailureAt,
            Instant lastFailureAt, Instant occurredAt) implements AnswerEvent {

        @Override
        public TaskState status() {
            return TaskState.FAILED;
        }
    }

    record AnswerStopped(RequestId requestId, SessionId sessionId, UserId userId, int turn, String text,
            Usage usage, int attempts, Instant occurredAt, String reasoning) implements AnswerEvent {

        @Override
        public TaskState status() {
            return TaskState.STOPPED;
        }
    }
}
