package io.chatstream.gateway.backend.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.identity.application.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** In-memory stand-in for the query service port: every answer stream opened is a {@link Call} the test drives. */
public final class RecordingQueries implements ChatQueries {

    /** One StreamAnswer call: how it was made, and what was done with it. */
    public static final class Call implements AnswerSubscription {
        public final long afterSeq;
        public final WhenUnknown whenUnknown;
        public final AnswerListener listener;
        /** What the listener granted it up front, asked as the gRPC adapter asks. */
        public final int window;
        public boolean cancelled;
        public int requested;

        Call(long afterSeq, WhenUnknown whenUnknown, AnswerListener listener) {
            this.afterSeq = afterSeq;
            this.whenUnknown = whenUnknown;
            this.listener = listener;
            this.window = listener.window();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void request(int n) {
            requested += n;
        }
    }

    public final List<Call> calls = new ArrayList<>();
    /** Every search asked for, in order. */
    public final List<SearchTerms> searches = new ArrayList<>();
    /** Runs inside {@link #follow}, after the call took its window and before it is returned. */
    public Consumer<Call> whileOpening = call -> {
    };

    /** What {@link #models} answers. */
    public Outcome<ModelChoices> models = Outcome.done(new ModelChoices(List.of(
            new ModelChoice("qwen-plus", "Qwen-Plus", "optional", false, 131072),
            new ModelChoice("qwen3-flash", "Qwen3-Flash", "default", false, 0),
            new ModelChoice("qwq-plus", "QwQ-Plus", "always", false, 131072)), "qwen-plus"));
    /** How often {@link #models} was asked. */
    public int modelReads;

    @Override
    public Outcome<ModelChoices> models(Caller caller) {
        modelReads++;
        return models;
    }

    @Override
    public Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page) {
        return Outcome.done(new Page<>(List.of(), ""));
    }

    @Override
    public Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page) {
        return Outcome.done(new Page<>(List.of(), ""));
    }

    @Override
    public Outcome<Page<SearchHit>> search(Caller caller, SearchTerms terms, PageRequest page) {
        searches.add(terms);
        return Outcome.done(new Page<>(List.of(), ""));
    }

    @Override
    public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
            AnswerListener listener) {
        Call call = new Call(afterSeq, whenUnknown, listener);
        calls.add(call);
        whileOpening.accept(call);
        return call;
    }
}
