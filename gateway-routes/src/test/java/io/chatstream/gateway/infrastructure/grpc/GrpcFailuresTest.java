package io.chatstream.gateway.infrastructure.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.gateway.application.Rejection;
import io.grpc.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GrpcFailuresTest {

    @Test
    @DisplayName("the chat-error-code trailer and the status description become the rejection")
    void usesTrailer() {
        Rejection r = GrpcFailures.of(ErrorCodes.grpcError(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY, "busy"), "command");

        assertThat(r).isEqualTo(new Rejection(ErrorCodes.SESSION_BUSY, "busy"));
    }

    @Test
    @DisplayName("an unreachable or slow service is DEPENDENCY_UNAVAILABLE, whatever it said")
    void unavailable() {
        assertThat(GrpcFailures.of(Status.UNAVAILABLE.asRuntimeException(), "query").code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(GrpcFailures.of(Status.DEADLINE_EXCEEDED.asRuntimeException(), "query").code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
    }

    @Test
    @DisplayName("a failure without a code is INTERNAL and does not leak its description")
    void internal() {
        Rejection r = GrpcFailures.of(Status.INTERNAL.withDescription("NPE at Foo.java:12").asRuntimeException(), "command");

        assertThat(r.code()).isEqualTo("INTERNAL");
        assertThat(r.message()).doesNotContain("Foo");
    }
}
