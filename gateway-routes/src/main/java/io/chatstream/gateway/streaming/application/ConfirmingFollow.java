package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.PromptStatus;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One reader's follow of an answer that does not make a made-up request id wait. The stream is opened with
 * {@link WhenUnknown#REFUSE}: a request the query service knows streams as before, an unknown one is refused
 * at once. Only then is the command service (the authority on what was accepted) asked: a prompt it accepted,
 * whose PromptSubmitted has not reached the query side yet, is opened again with {@link WhenUnknown#WAIT}; any
 * other id gets its REQUEST_NOT_FOUND straight away. If the command service cannot tell (down, too slow), the
 * stream is opened with the wait too: slower for a bad id, never a false 404 for a good one.
 *
 * <p>It is the subscription the reader holds, so a cancel or flow-control request always reaches whichever
 * call is current; nothing here blocks a thread.
 */
final class ConfirmingFollow implements AnswerListener, AnswerSubscription {

    private final ChatQueries queries;
    private final ChatCommands commands;
    private final Caller caller;
    private final RequestId request;
    private final long afterSeq;
    private final AnswerListener listener;
    private final AtomicReference<AnswerSubscription> current = new AtomicReference<>();
    private final AtomicBoolean confirming = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile boolean delivered;

    ConfirmingFollow(ChatQueries queries, ChatCommands commands, Caller caller, RequestId request, long afterSeq,
            AnswerListener listener) {
        this.queries = queries;
        this.commands = commands;
        this.caller = caller;
        this.request = request;
        this.afterSeq = afterSeq;
        this.listener = listener;
    }

    AnswerSubscription start() {
        AnswerSubscription first = queries.follow(caller, request, afterSeq, WhenUnknown.REFUSE, this);
        // The refusal may already have re-opened the stream (callbacks run on other threads): keep the newer call.
        if (!current.compareAndSet(null, first) || cancelled) {
            first.cancel();
        }
        return this;
    }

    @Override
    public void event(AnswerEvent event) {
        delivered = true;
        listener.event(event);
    }

    @Override
    public void ended() {
        listener.ended();
    }

    @Override
    public int window() {
        return listener.window();
    }

    @Override
    public void rejected(Rejection rejection) {
        boolean unknownHere = GatewayCodes.REQUEST_NOT_FOUND.equals(rejection.code()) && !delivered;
        if (!unknownHere || !confirming.compareAndSet(false, true)) {
            listener.rejected(rejection);
            return;
        }
        commands.promptStatus(caller, request).whenComplete((outcome, failure) -> {
            if (cancelled) {
                return;
            }
            if (failure == null && outcome instanceof Outcome.Done<PromptStatus> done && !done.value().accepted()) {
                listener.rejected(rejection);
            } else {
                // Accepted, or the command service could not say: wait for the projection, as a bounded wait.
                reopenWaiting();
            }
        });
    }

    private void reopenWaiting() {
        AnswerSubscription next = queries.follow(caller, request, afterSeq, WhenUnknown.WAIT, this);
        current.set(next);
        if (cancelled) {
            next.cancel();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        AnswerSubscription s = current.get();
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void request(int n) {
        AnswerSubscription s = current.get();
        if (s != null) {
            s.request(n);
        }
    }
}
