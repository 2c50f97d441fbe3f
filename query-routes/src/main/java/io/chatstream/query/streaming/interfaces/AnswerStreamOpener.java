package io.chatstream.query.streaming.interfaces;

import io.chatstream.proto.v1.StreamAnswerRequest;
import io.chatstream.query.streaming.application.OwnershipWaits;
import io.chatstream.query.streaming.application.StreamOpening;
import io.chatstream.query.streaming.application.StreamingAnswer;
import io.chatstream.support.grpc.GrpcReplies;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens answer streams, waiting a bounded time (without holding a thread) for a request whose ownership is not
 * projected yet: StreamAnswer may arrive before this service has consumed the PromptSubmitted. A caller that sets
 * {@code skip_ownership_wait} gets NOT_FOUND at once instead: the gateway does so first and waits only for a
 * request the command service says it accepted (docs/adr/0006), so a made-up id costs one look-up, not the wait.
 */
public class AnswerStreamOpener {

    private final StreamingAnswer streaming;
    private final OwnershipWaits waits;
    private final ScheduledExecutorService scheduler;
    private final Duration ownershipWait;
    private final Duration ownershipPoll;

    public AnswerStreamOpener(StreamingAnswer streaming, OwnershipWaits waits, ScheduledExecutorService scheduler,
            Duration ownershipWait, Duration ownershipPoll) {
        this.streaming = streaming;
        this.waits = waits;
        this.scheduler = scheduler;
        this.ownershipWait = ownershipWait;
        this.ownershipPoll = ownershipPoll;
    }

    void open(StreamAnswerRequest request, GrpcChunkSink sink) {
        StreamOpening first = attempt(request, sink);
        if (first instanceof StreamOpening.OwnershipUnknown) {
            if (request.getSkipOwnershipWait()) {
                sink.fail(GrpcQueryEndpoint.toStatus(StreamingAnswer.unknownRequest()));
            } else {
                new Waiter(request, sink, System.nanoTime() + ownershipWait.toNanos()).schedule();
            }
        }
    }

    private StreamOpening attempt(StreamAnswerRequest r, GrpcChunkSink sink) {
        StreamOpening opening = streaming.open(r.getRequestId(), r.getUserId(), r.getAfterSeq(), sink);
        if (opening instanceof StreamOpening.Rejected rejected) {
            sink.fail(GrpcQueryEndpoint.toStatus(rejected.rejection()));
        }
        return opening;
    }

    /** One pending open: retried on each poll and when the projection signals the request. */
    private final class Waiter implements Runnable {

        private final StreamAnswerRequest request;
        private final GrpcChunkSink sink;
        private final long deadline;
        private final AtomicBoolean done = new AtomicBoolean();
        private final Runnable signal = () -> scheduler.execute(this);
        private volatile ScheduledFuture<?> poll;

        Waiter(StreamAnswerRequest request, GrpcChunkSink sink, long deadline) {
            this.request = request;
            this.sink = sink;
            this.deadline = deadline;
        }

        void schedule() {
            waits.register(request.getRequestId(), signal);
            long period = ownershipPoll.toMillis();
            poll = scheduler.scheduleWithFixedDelay(this, period, period, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void run() {
            if (done.get()) {
                finish();
                return;
            }
            try {
                if (sink.isCancelled()) {
                    finish();
                    return;
                }
                if (!(attempt(request, sink) instanceof StreamOpening.OwnershipUnknown)) {
                    finish();
                } else if (System.nanoTime() - deadline >= 0) {
                    finish();
                    sink.fail(GrpcQueryEndpoint.toStatus(StreamingAnswer.unknownRequest()));
                }
            } catch (RuntimeException e) {
                finish();
                sink.fail(GrpcReplies.fault("StreamAnswer", e));
            }
        }

        private void finish() {
            done.set(true);
            if (poll != null) {
                poll.cancel(false);
            }
            waits.unregister(request.getRequestId(), signal);
        }
    }
}
