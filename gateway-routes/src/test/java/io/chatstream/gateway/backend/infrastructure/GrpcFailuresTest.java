package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.gateway.api.application.Rejection;
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
    @DisplayName("a break (UNAVAILABLE, CANCELLED) is told apart from what another instance would answer the same")
    void breaks() {
        assertThat(GrpcFailures.brokeOff(Status.UNAVAILABLE.withDescription("Network closed for unknown reason").asRuntimeException()))
                .isTrue();
        assertThat(GrpcFailures.brokeOff(Status.CANCELLED.withDescription("RST_STREAM closed stream").asRuntimeException()))
                .isTrue();
        assertThat(GrpcFailures.brokeOff(ErrorCodes.grpcError(Status.Code.UNAVAILABLE, ErrorCodes.DEPENDENCY_UNAVAILABLE, "store down")))
                .isTrue();
        assertThat(GrpcFailures.brokeOff(Status.DEADLINE_EXCEEDED.asRuntimeException())).isFalse();
        assertThat(GrpcFailures.brokeOff(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND, "no"))).isFalse();
        assertThat(GrpcFailures.brokeOff(Status.INTERNAL.asRuntimeException())).isFalse();
        assertThat(GrpcFailures.unavailable("query").code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
    }

    @Test
    @DisplayName("a failure without a code is INTERNAL and does not leak its description")
    void internal() {
        Rejection r = GrpcFailures.of(Status.INTERNAL.withDescription("NPE at Foo.java:12").asRuntimeException(), "command");

        assertThat(r.code()).isEqualTo("INTERNAL");
        assertThat(r.message()).doesNotContain("Foo");
    }
}
