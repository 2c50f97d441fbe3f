package io.chatstream.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.contracts.ErrorCodes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

@DisplayName("One gRPC reply pattern")
@ExtendWith(OutputCaptureExtension.class)
class GrpcRepliesTest {

    private final Recording observer = new Recording();

    @Test
    @DisplayName("an answer is the response, then the end of the call")
    void answer() {
        GrpcReplies.send(observer, "Test/Answer", () -> GrpcReply.answer("hello"));

        assertThat(observer.values).containsExactly("hello");
        assertThat(observer.completed).isTrue();
        assertThat(observer.error).isNull();
    }

    @Test
    @DisplayName("a refusal is its status with the chat-error-code trailer, and is not logged")
    void refusal(CapturedOutput log) {
        GrpcReplies.send(observer, "Test/Refuse",
                () -> GrpcReply.refusal(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY, "busy-in-test"));

        StatusRuntimeException error = observer.error();
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(error.getStatus().getDescription()).isEqualTo("busy-in-test");
        assertThat(ErrorCodes.codeOf(error)).isEqualTo(ErrorCodes.SESSION_BUSY);
        assertThat(observer.values).isEmpty();
        assertThat(observer.completed).isFalse();
        assertThat(log.getAll()).doesNotContain("busy-in-test");
    }

    @Test
    @DisplayName("a dependency that is down is UNAVAILABLE with DEPENDENCY_UNAVAILABLE and one WARN line")
    void dependencyDown(CapturedOutput log) {
        for (RuntimeException down : List.of(
                new DataAccessResourceFailureException("redis-down-in-test"),
                new CannotCreateTransactionException("no connection"),
                new QueryTimeoutException("slow"),
                new IllegalStateException("wrapped", new SQLTransientConnectionException("driver")))) {
            Recording out = new Recording();
            GrpcReplies.send(out, "Test/Down", () -> {
                throw down;
            });
            assertThat(out.error().getStatus().getCode()).as(down.toString()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(ErrorCodes.codeOf(out.error())).isEqualTo(ErrorCodes.DEPENDENCY_UNAVAILABLE);
        }
        assertThat(log.getAll()).contains("gRPC Test/Down failed, a dependency is unavailable")
                .contains("redis-down-in-test");
    }

    @Test
    @DisplayName("any other failure is INTERNAL without its details; the log has the stack trace")
    void bug(CapturedOutput log) {
        GrpcReplies.send(observer, "Test/Bug", () -> {
            throw new DataIntegrityViolationException("constraint-in-test");
        });

        assertThat(observer.error().getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(observer.error().getStatus().getDescription()).isEqualTo("internal error");
        assertThat(ErrorCodes.codeOf(observer.error())).isNull();
        assertThat(log.getAll()).contains("gRPC Test/Bug failed").contains("constraint-in-test");
    }

    @Test
    @DisplayName("a method no route serves is UNIMPLEMENTED")
    void unimplemented() {
        GrpcReplies.unimplemented(observer, "Test/Missing");

        assertThat(observer.error().getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    }

    @Test
    @DisplayName("a refusal never has status OK")
    void refusalIsNotOk() {
        assertThatThrownBy(() -> GrpcReply.refusal(Status.Code.OK, "X", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class Recording implements StreamObserver<String> {
        final List<String> values = new ArrayList<>();
        Throwable error;
        boolean completed;

        @Override
        public void onNext(String value) {
            values.add(value);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onCompleted() {
            completed = true;
        }

        StatusRuntimeException error() {
            assertThat(error).isInstanceOf(StatusRuntimeException.class);
            return (StatusRuntimeException) error;
        }
    }
}
