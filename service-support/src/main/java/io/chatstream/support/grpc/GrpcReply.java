package io.chatstream.support.grpc;

import io.grpc.Status;
import java.util.Objects;

/**
 * What one gRPC method answers: its response, or a refusal the caller can act on (a gRPC status, the
 * application code sent in the {@code chat-error-code} trailer, and a message safe to show). A business
 * rejection is a value of this type until {@link GrpcReplies} sends it; it is never thrown.
 *
 * @param <R> the proto response
 */
public sealed interface GrpcReply<R> {

    /** The call succeeded with {@code response}. */
    record Answer<R>(R response) implements GrpcReply<R> {
        public Answer {
            Objects.requireNonNull(response, "response");
        }
    }

    /** The call was refused: {@code status} for gRPC, {@code code} for the application, {@code message} for people. */
    record Refusal<R>(Status.Code status, String code, String message) implements GrpcReply<R> {
        public Refusal {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            if (status == Status.Code.OK) {
                throw new IllegalArgumentException("a refusal cannot have status OK");
            }
        }
    }

    static <R> GrpcReply<R> answer(R response) {
        return new Answer<>(response);
    }

    static <R> GrpcReply<R> refusal(Status.Code status, String code, String message) {
        return new Refusal<>(status, code, message);
    }
}
