package io.chatstream.command.platform.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.ErrorCodes;
import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

@DisplayName("The gRPC status pass-through")
class GrpcStatusPassThroughTest {

    private final RecordingCall call = new RecordingCall();

    @Test
    @DisplayName("sends a thrown StatusRuntimeException's status and trailer instead of INTERNAL")
    void restoresIntendedStatus() {
        Throwable thrown = new RuntimeCamelException(
                ErrorCodes.grpcError(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY, "busy"));

        closeThrough(Status.INTERNAL.withDescription("wrapped").withCause(thrown));

        assertThat(call.status.getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(call.status.getDescription()).isEqualTo("busy");
        assertThat(call.trailers.get(ErrorCodes.TRAILER)).isEqualTo(ErrorCodes.SESSION_BUSY);
    }

    @Test
    @DisplayName("turns a database outage into UNAVAILABLE with DEPENDENCY_UNAVAILABLE")
    void databaseDown() {
        closeThrough(Status.INTERNAL.withCause(new CannotGetJdbcConnectionException("down")));

        assertThat(call.status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(call.trailers.get(ErrorCodes.TRAILER)).isEqualTo(ErrorCodes.DEPENDENCY_UNAVAILABLE);
    }

    @Test
    @DisplayName("hides the message of an unexpected failure")
    void unexpected() {
        closeThrough(Status.INTERNAL.withDescription("NPE at Foo.java:12").withCause(new NullPointerException()));

        assertThat(call.status.getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(call.status.getDescription()).isEqualTo("internal error");
    }

    @Test
    @DisplayName("leaves successful calls alone")
    void ok() {
        closeThrough(Status.OK);

        assertThat(call.status).isSameAs(Status.OK);
    }

    private void closeThrough(Status status) {
        AtomicReference<ServerCall<String, String>> wrapped = new AtomicReference<>();
        new GrpcStatusPassThrough().interceptCall(call, new Metadata(), (c, h) -> {
            wrapped.set(c);
            return new ServerCall.Listener<>() { };
        });
        wrapped.get().close(status, new Metadata());
    }

    private static final class RecordingCall extends ServerCall<String, String> {
        Status status;
        Metadata trailers;

        @Override
        public void close(Status status, Metadata trailers) {
            this.status = status;
            this.trailers = trailers;
        }

        @Override
        public MethodDescriptor<String, String> getMethodDescriptor() {
            MethodDescriptor.Marshaller<String> marshaller = new MethodDescriptor.Marshaller<>() {
                @Override
                public InputStream stream(String value) {
                    return new ByteArrayInputStream(value.getBytes());
                }

                @Override
                public String parse(InputStream stream) {
                    return "";
                }
            };
            return MethodDescriptor.<String, String>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName("chat.v1.ChatCommandService/SubmitPrompt")
                    .setRequestMarshaller(marshaller).setResponseMarshaller(marshaller).build();
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }
    }
}
