package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Feeds one StreamAnswer call to a listener. No thread waits on the stream: gRPC calls back as chunks
 * arrive. {@link #cancel()} cancels the call when the reader has gone. A call cut off by its instance
 * ({@link GrpcFailures#brokeOff}) ends with {@link AnswerListener#brokeOff}, any other failure with a rejection.
 *
 * <p>The call is made wait-for-ready (so a query service that is restarting, or a channel in reconnect
 * back-off, does not fail the stream at once), but only for {@code connectWithin}: if by then the
 * call has not reached a connected transport, it is cancelled and the reader gets 503, exactly as
 * a unary call would after its deadline. The stream's own (much longer) deadline bounds its life.
 */
final class AnswerRelay implements ClientResponseObserver<StreamAnswerRequest, AnswerChunk> {

    private final AnswerListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClientCallStreamObserver<StreamAnswerRequest> call;
    private volatile boolean cancelRequested;
    private volatile boolean connected;
    private volatile boolean flowControlled;

    AnswerRelay(AnswerListener listener) {
        this.listener = listener;
    }

    /**
     * Gives up on a call that has not reached a transport within {@code connectWithin}: a wait-for-ready
     * call waits only while the channel is not READY, so a READY channel (or any answer) means it is on its way.
     */
    void connectWithin(Duration connectWithin, ScheduledExecutorService timer, BooleanSupplier channelReady) {
        timer.schedule(() -> {
            if (!channelReady.getAsBoolean()) {
                giveUpIfNotConnected();
            }
        }, connectWithin.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<StreamAnswerRequest> requestStream) {
        this.call = requestStream;
        int window = listener.window();
        if (window > 0) {
            flowControlled = true;
            // gRPC flow control end to end: the query service can send only what the reader has room for.
            requestStream.disableAutoRequestWithInitial(window);
        }
        if (cancelRequested) {
            requestStream.cancel("reader went away", null);
        }
    }

    @Override
    public void onNext(AnswerChunk chunk) {
        connected = true;
        AnswerEvent event = ProtoViews.event(chunk);
        if (event == null) {
            // A kind this gateway does not know (a newer query service) is skipped; the reader never sees it, so
            // never pays for it: pay its credit back here, or enough of them would stall the stream for good.
            if (flowControlled) {
                request(1);
            }
        } else if (!closed.get()) {
            listener.event(event);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!closed.compareAndSet(false, true) || cancelRequested) {
            return;
        }
        if (GrpcFailures.brokeOff(failure)) {
            // The instance went away, the answer did not: the listener may follow it again from its last seq.
            listener.brokeOff(GrpcFailures.unavailable(GrpcChatQueries.SERVICE));
        } else {
            listener.rejected(GrpcFailures.of(failure, GrpcChatQueries.SERVICE));
        }
    }

    @Override
    public void onCompleted() {
        if (closed.compareAndSet(false, true)) {
            listener.ended();
        }
    }

    void request(int n) {
        ClientCallStreamObserver<StreamAnswerRequest> c = call;
        if (c != null && !closed.get() && n > 0) {
            c.request(n);
        }
    }

    void cancel() {
        cancelRequested = true;
        ClientCallStreamObserver<StreamAnswerRequest> c = call;
        if (c != null && !closed.get()) {
            c.cancel("reader went away", null);
        }
    }

    private void giveUpIfNotConnected() {
        if (connected || closed.get() || cancelRequested) {
            return;
        }
        if (closed.compareAndSet(false, true)) {
            ClientCallStreamObserver<StreamAnswerRequest> c = call;
            if (c != null) {
                c.cancel("query service not reachable in time", null);
            }
            listener.rejected(GrpcFailures.of(Status.DEADLINE_EXCEEDED
                    .withDescription("not connected within the deadline").asRuntimeException(), GrpcChatQueries.SERVICE));
        }
    }
}
