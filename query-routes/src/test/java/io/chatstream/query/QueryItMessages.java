package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Messages and assertions shared by the query service's integration tests. */
final class QueryItMessages {

    private QueryItMessages() {
    }

    static Timestamp ts(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    static AnswerStreamEntry token(long seq, String text) {
        return AnswerStreamEntry.newBuilder().setSeq(seq).setKind("token").setAttempt(1).setText(text).build();
    }

    static AnswerStreamEntry thinking(long seq, String text) {
        return AnswerStreamEntry.newBuilder().setSeq(seq).setKind("thinking").setAttempt(1).setText(text).build();
    }

    static AnswerStreamEntry done(long seq, int outputTokens) {
        return AnswerStreamEntry.newBuilder().setSeq(seq).setKind("done").setAttempt(1).setStatus("completed")
                .setFinishReason("stop").setInputTokens(4).setOutputTokens(outputTokens).build();
    }

    static StreamAnswerRequest request(String request, String user, long afterSeq) {
        return StreamAnswerRequest.newBuilder().setRequestId(request).setUserId(user).setAfterSeq(afterSeq).build();
    }

    /** As the gateway opens a stream first: NOT_FOUND at once when the request is not known here. */
    static StreamAnswerRequest requestSkippingWait(String request, String user, long afterSeq) {
        return request(request, user, afterSeq).toBuilder().setSkipOwnershipWait(true).build();
    }

    static List<AnswerChunk> withoutHeartbeats(List<AnswerChunk> chunks) {
        return chunks.stream().filter(c -> !c.getKind().equals("heartbeat")).toList();
    }

    static StreamObserver<AnswerChunk> collector(List<AnswerChunk> into, CountDownLatch done) {
        return new StreamObserver<>() {
            @Override
            public void onNext(AnswerChunk value) {
                into.add(value);
            }

            @Override
            public void onError(Throwable t) {
                done.countDown();
            }

            @Override
            public void onCompleted() {
                done.countDown();
            }
        };
    }

    static void assertInvalid(Runnable call, String code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(ErrorCodes.codeOf(e)).isEqualTo(code);
    }
}
