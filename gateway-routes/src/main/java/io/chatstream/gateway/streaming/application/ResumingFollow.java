package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One reader's follow of an answer that outlives the query instance serving it. When the call breaks off
 * ({@link AnswerListener#brokeOff}: the instance stopped or died), the answer is followed again after the last
 * seq delivered, so the reader sees neither a gap nor a repeat, only a pause; round robin sends the new call to
 * an instance that is up, and any instance serves the answer from any seq (it lives in Redis). Re-opens in a row
 * without a new event are bounded by the {@link Resumption}; past it the reader gets the break as its error, as
 * before. A rejection and the normal end pass through and are never followed again.
 *
 * <p>It is the listener of every call it opens and the subscription the reader holds, so a cancel or a
 * flow-control request always reaches the current call. The reader's room (its window, plus what it asked
 * for, minus what it was given) carries over: a new call is granted exactly that, no more (the reader may
 * still hold events of the broken call), and is opened only once there is some.
 */
final class ResumingFollow implements AnswerListener, AnswerSubscription {

    private final ChatQueries queries;
    private final Resumption resumption;
    private final Caller caller;
    private final RequestId request;
    private final WhenUnknown whenUnknown;
    private final AnswerListener listener;
    private final boolean flowControlled;

    // All guarded by this; callbacks of the reader and of the calls are made outside it.
    private AnswerSubscription current;
    /** Calls opened; a call whose opening ends after a newer one began has already broken off. */
    private int calls;
    /** A call is being opened: room asked for since it took its window is passed on once it is current. */
    private boolean opening;
    private long room;
    private long held;
    private boolean waitingForRoom;
    private boolean cancelled;
    private long lastSeq;
    private boolean finalDelivered;
    /** Re-opens since the last new event. */
    private int attempts;

    ResumingFollow(ChatQueries queries, Resumption resumption, Caller caller, RequestId request, long afterSeq,
            WhenUnknown whenUnknown, AnswerListener listener) {
        this.queries = queries;
        this.resumption = resumption;
        this.caller = caller;
        this.request = request;
        this.whenUnknown = whenUnknown;
        this.listener = listener;
        this.lastSeq = afterSeq;
        this.room = listener.window();
        this.flowControlled = room > 0;
    }

    AnswerSubscription start() {
        open();
        return this;
    }

    @Override
    public void event(AnswerEvent event) {
        synchronized (this) {
            room--;
            if (!(event instanceof AnswerEvent.Heartbeat)) {
                lastSeq = event.seq();
                attempts = 0;
                finalDelivered = event.isFinal();
            }
        }
        listener.event(event);
    }

    @Override
    public void ended() {
        listener.ended();
    }

    @Override
    public void rejected(Rejection rejection) {
        listener.rejected(rejection);
    }

    @Override
    public void brokeOff(Rejection rejection) {
        int attempt;
        long after;
        boolean complete;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            complete = finalDelivered;
            attempt = ++attempts;
            after = lastSeq;
        }
        if (complete) {
            // Only the end of the call was lost: the reader already has the whole answer.
            listener.ended();
        } else if (attempt > resumption.maxAttempts()) {
            resumption.reports().gaveUp(request, after, attempt - 1);
            listener.rejected(rejection);
        } else {
            Duration pause = resumption.pauseBefore(attempt, ThreadLocalRandom.current().nextDouble());
            resumption.reports().resuming(request, after, attempt, pause);
            resumption.delays().after(pause, this::reopen);
        }
    }

    /** Asked by each call as it starts: the reader's room, all of which is now the new call's. */
    @Override
    public int window() {
        if (!flowControlled) {
            return 0;
        }
        synchronized (this) {
            held = 0;
            return (int) Math.min(room, Integer.MAX_VALUE);
        }
    }

    @Override
    public void request(int n) {
        if (n <= 0) {
            return;
        }
        AnswerSubscription target = null;
        boolean openNow = false;
        synchronized (this) {
            room += n;
            if (opening) {
                held += n;
                return;
            }
            if (waitingForRoom) {
                waitingForRoom = false;
                openNow = true;
            } else {
                target = current;
            }
        }
        if (openNow) {
            open();
        } else if (target != null) {
            target.request(n);
        }
    }

    @Override
    public void cancel() {
        AnswerSubscription s;
        synchronized (this) {
            cancelled = true;
            waitingForRoom = false;
            s = current;
        }
        if (s != null) {
            s.cancel();
        }
    }

    private void reopen() {
        synchronized (this) {
            if (flowControlled && room <= 0) {
                // The reader still holds all it has room for: open when it asks for more.
                waitingForRoom = !cancelled;
                return;
            }
        }
        open();
    }

    private void open() {
        int call;
        long after;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            opening = true;
            held = 0;
            call = ++calls;
            after = lastSeq;
        }
        AnswerSubscription next = queries.follow(caller, request, after, whenUnknown, this);
        long pending;
        boolean stop;
        synchronized (this) {
            stop = cancelled || call != calls;
            pending = held;
            if (call == calls) {
                current = next;
                opening = false;
                held = 0;
            }
        }
        if (stop) {
            next.cancel();
        } else if (pending > 0) {
            next.request((int) Math.min(pending, Integer.MAX_VALUE));
        }
    }
}
