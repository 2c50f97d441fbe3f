package io.chatstream.gateway.infrastructure.grpc;

import io.chatstream.gateway.application.AnswerEvent;
import io.chatstream.gateway.application.AnswerListener;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds one StreamAnswer call to a listener. No thread waits on the stream: gRPC calls back as chunks
 * arrive. {@link #cancel()} cancels the call when the reader has gone.
 */
final class AnswerRelay implements ClientResponseObserver<StreamAnswerRequest, AnswerChunk> {

    private final AnswerListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClientCallStreamObserver<StreamAnswerRequest> call;
    private volatile boolean cancelRequested;

    AnswerRelay(AnswerListener listener) {
        this.listener = listener;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamAnswerRequest> requestStream) {
        this.call = requestStream;
        if (cancelRequested) {
            requestStream.cancel("reader went away", null);
        }
    }

    @Override
    public void onNext(AnswerChunk chunk) {
        AnswerEvent event = ProtoViews.event(chunk);
        if (event != null && !closed.get()) {
            listener.event(event);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (closed.compareAndSet(false, true) && !cancelRequested) {
            listener.rejected(GrpcFailures.of(failure, GrpcChatQueries.SERVICE));
        }
    }

    @Override
    public void onCompleted() {
        if (closed.compareAndSet(false, true)) {
            listener.ended();
        }
    }

    void cancel() {
        cancelRequested = true;
        ClientCallStreamObserver<StreamAnswerRequest> c = call;
        if (c != null && !closed.get()) {
            c.cancel("reader went away", null);
        }
    }
}
