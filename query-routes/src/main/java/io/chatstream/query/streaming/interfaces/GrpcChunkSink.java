package io.chatstream.query.streaming.interfaces;

import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.Usage;
import io.chatstream.query.streaming.application.ChunkSink;
import io.chatstream.query.streaming.domain.StreamChunk;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.function.BiConsumer;

/** A {@link ChunkSink} writing AnswerChunks to one gRPC server stream. Not thread-safe: callers serialize. */
final class GrpcChunkSink implements ChunkSink {

    private final StreamObserver<AnswerChunk> observer;
    private final ServerCallStreamObserver<AnswerChunk> call;
    private volatile boolean cancelled;
    private volatile Runnable onReady = () -> { };
    private volatile Runnable onCancel = () -> { };
    private final BiConsumer<Integer, String> onFinal;
    private int sent;

    /** Must run while the gRPC call is being started: handlers can only be set then. */
    GrpcChunkSink(StreamObserver<?> observer) {
        this(observer, (chunks, status) -> { });
    }

    /** {@code onFinal} hears, once the final chunk is out, how many chunks were sent and the answer's status. */
    @SuppressWarnings("unchecked")
    GrpcChunkSink(StreamObserver<?> observer, BiConsumer<Integer, String> onFinal) {
        this.onFinal = onFinal;
        this.observer = (StreamObserver<AnswerChunk>) observer;
        this.call = observer instanceof ServerCallStreamObserver<?> c ? (ServerCallStreamObserver<AnswerChunk>) c : null;
        if (call != null) {
            call.setOnCancelHandler(() -> {
                cancelled = true;
                onCancel.run();
            });
            call.setOnReadyHandler(() -> onReady.run());
        }
    }

    @Override
    public synchronized void send(StreamChunk c) {
        observer.onNext(toProto(c));
        if (!StreamChunk.HEARTBEAT.equals(c.kind())) {
            sent++;
        }
        if (c.isFinal()) {
            observer.onCompleted();
            onFinal.accept(sent, c.status());
        }
    }

    @Override
    public synchronized void end() {
        observer.onCompleted();
    }

    synchronized void fail(Throwable error) {
        observer.onError(error);
    }

    @Override
    public boolean isReady() {
        return call == null || call.isReady();
    }

    @Override
    public void whenReady(Runnable action) {
        onReady = action;
    }

    @Override
    public void whenCancelled(Runnable action) {
        onCancel = action;
    }

    @Override
    public boolean isCancelled() {
        return cancelled || (call != null && call.isCancelled());
    }

    static AnswerChunk toProto(StreamChunk c) {
        AnswerChunk.Builder b = AnswerChunk.newBuilder().setKind(c.kind()).setSeq(c.seq()).setIsFinal(c.isFinal())
                .setToken(c.carriesText() ? nz(c.text()) : "")
                .setAttempt(c.attempt()).setStatus(nz(c.status())).setFinishReason(nz(c.finishReason()))
                .setErrorCode(nz(c.errorCode())).setErrorMessage(nz(c.errorMessage()));
        if (StreamChunk.DONE.equals(c.kind())) {
            b.setUsage(Usage.newBuilder().setInputTokens(c.inputTokens()).setOutputTokens(c.outputTokens()));
        }
        return b.build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
