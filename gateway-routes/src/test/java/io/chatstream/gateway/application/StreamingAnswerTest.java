package io.chatstream.gateway.application;

import static io.chatstream.gateway.application.SendingPromptTest.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamingAnswerTest {

    /** One StreamAnswer call the use case made: how, and what it did with it. */
    static final class Call implements AnswerSubscription {
        final long afterSeq;
        final WhenUnknown whenUnknown;
        final AnswerListener listener;
        boolean cancelled;
        int requested;

        Call(long afterSeq, WhenUnknown whenUnknown, AnswerListener listener) {
            this.afterSeq = afterSeq;
            this.whenUnknown = whenUnknown;
            this.listener = listener;
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

    /** What reached the reader. */
    static final class Reader implements AnswerListener {
        final List<Object> got = new ArrayList<>();

        @Override
        public void event(AnswerEvent event) {
            got.add(event);
        }

        @Override
        public void ended() {
            got.add("ended");
        }

        @Override
        public void rejected(Rejection rejection) {
            got.add(rejection.code());
        }

        @Override
        public int window() {
            return 8;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final ChatQueries queries = new ChatQueries() {
        @Override
        public Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page) {
            return Outcome.done(new Page<>(List.of(), ""));
        }

        @Override
        public Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page) {
            return Outcome.done(new Page<>(List.of(), ""));
        }

        @Override
        public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
                AnswerListener listener) {
            Call call = new Call(afterSeq, whenUnknown, listener);
            calls.add(call);
            return call;
        }
    };
    private final RecordingCommands commands = new RecordingCommands();
    private final StreamingAnswer streaming = new StreamingAnswer(queries, commands, true);
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());
    private final Reader reader = new Reader();
    private static final Rejection NOT_FOUND = new Rejection(GatewayCodes.REQUEST_NOT_FOUND, "no such request");

    private AnswerSubscription follow(String lastEventId) {
        return ((Outcome.Done<AnswerSubscription>) streaming.follow(alice, "req-stream-0001", lastEventId, reader)).value();
    }

    @Test
    @DisplayName("the last event id the reader saw becomes the resume position")
    void resumesAfterLastEvent() {
        streaming.follow(alice, "req-stream-0001", null, reader);
        streaming.follow(alice, "req-stream-0001", " 42 ", reader);

        assertThat(calls).extracting(c -> c.afterSeq).containsExactly(0L, 42L);
    }

    @Test
    @DisplayName("a malformed request id or last event id is rejected before anything starts")
    void rejectsBadInput() {
        assertThat(code(streaming.follow(alice, null, null, null))).isEqualTo(GatewayCodes.INVALID_REQUEST_ID);
        assertThat(code(streaming.follow(alice, "req-stream-0001", "-1", null))).isEqualTo(GatewayCodes.INVALID_LAST_EVENT_ID);
        assertThat(code(streaming.follow(alice, "req-stream-0001", "abc", null))).isEqualTo(GatewayCodes.INVALID_LAST_EVENT_ID);
        assertThat(calls).isEmpty();
    }

    @Test
    @DisplayName("a request the query service knows streams from the first call, without asking the command service")
    void knownRequestStreamsAtOnce() {
        follow(null);
        Call first = calls.get(0);
        first.listener.event(new AnswerEvent.Token(1, "Hi"));
        first.listener.ended();

        assertThat(first.whenUnknown).isEqualTo(WhenUnknown.REFUSE);
        assertThat(first.listener.window()).isEqualTo(8);
        assertThat(reader.got).containsExactly(new AnswerEvent.Token(1, "Hi"), "ended");
        assertThat(commands.calls).isEmpty();
    }

    @Test
    @DisplayName("an id the command service never accepted for the caller gets REQUEST_NOT_FOUND at once, without a wait")
    void neverAcceptedIsRefusedAtOnce() {
        follow(null);
        calls.get(0).listener.rejected(NOT_FOUND);

        assertThat(commands.calls).containsExactly("status alice req-stream-0001");
        assertThat(reader.got).isEmpty();
        commands.status.complete(Outcome.done(new PromptStatus(false)));

        assertThat(reader.got).containsExactly(GatewayCodes.REQUEST_NOT_FOUND);
        assertThat(calls).hasSize(1);
    }

    @Test
    @DisplayName("a just-accepted prompt whose projection is still on its way is opened again with the wait, and streams")
    void justAcceptedWaitsForItsProjection() {
        AnswerSubscription subscription = follow("3");
        calls.get(0).listener.rejected(NOT_FOUND);
        commands.status.complete(Outcome.done(new PromptStatus(true)));

        Call second = calls.get(1);
        second.listener.event(new AnswerEvent.Token(4, "late"));
        subscription.request(1);
        subscription.cancel();

        assertThat(second.whenUnknown).isEqualTo(WhenUnknown.WAIT);
        assertThat(second.afterSeq).isEqualTo(3);
        assertThat(reader.got).containsExactly(new AnswerEvent.Token(4, "late"));
        assertThat(second.requested).isEqualTo(1);
        assertThat(second.cancelled).isTrue();
    }

    @Test
    @DisplayName("when the command service cannot tell, the stream waits for the projection as before (no false 404)")
    void commandDownFallsBackToTheWait() {
        follow(null);
        calls.get(0).listener.rejected(NOT_FOUND);
        commands.status.complete(Outcome.rejected(GatewayCodes.DEPENDENCY_UNAVAILABLE, "command service is unavailable"));

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.REFUSE, WhenUnknown.WAIT);
        calls.get(1).listener.rejected(NOT_FOUND);
        assertThat(reader.got).containsExactly(GatewayCodes.REQUEST_NOT_FOUND);
        assertThat(commands.calls).hasSize(1);
    }

    @Test
    @DisplayName("other refusals pass straight to the reader, and so does a failure after the first event")
    void otherRefusalsPassThrough() {
        follow(null);
        calls.get(0).listener.rejected(new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, "query service is unavailable"));
        follow(null);
        calls.get(1).listener.event(new AnswerEvent.Token(1, "a"));
        calls.get(1).listener.rejected(NOT_FOUND);

        assertThat(reader.got).containsExactly(GatewayCodes.DEPENDENCY_UNAVAILABLE, new AnswerEvent.Token(1, "a"),
                GatewayCodes.REQUEST_NOT_FOUND);
        assertThat(commands.calls).isEmpty();
    }

    @Test
    @DisplayName("a reader gone while the command service is asked opens nothing more")
    void readerGoneWhileAsking() {
        AnswerSubscription subscription = follow(null);
        calls.get(0).listener.rejected(NOT_FOUND);
        subscription.cancel();
        commands.status.complete(Outcome.done(new PromptStatus(true)));

        assertThat(calls).hasSize(1);
        assertThat(reader.got).isEmpty();
    }

    @Test
    @DisplayName("a refusal that arrives before the first call is even returned still re-opens the right call")
    void refusalBeforeTheFirstCallReturned() {
        commands.status.complete(Outcome.done(new PromptStatus(true)));
        StreamingAnswer racing = new StreamingAnswer(new ChatQueries() {
            @Override
            public Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page) {
                return queries.sessions(caller, page);
            }

            @Override
            public Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page) {
                return queries.messages(caller, session, page);
            }

            @Override
            public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
                    AnswerListener listener) {
                AnswerSubscription call = queries.follow(caller, request, afterSeq, whenUnknown, listener);
                if (whenUnknown == WhenUnknown.REFUSE) {
                    listener.rejected(NOT_FOUND);
                }
                return call;
            }
        }, commands, true);

        AnswerSubscription subscription = ((Outcome.Done<AnswerSubscription>) racing.follow(alice, "req-stream-0001", null,
                reader)).value();
        subscription.request(2);

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.REFUSE, WhenUnknown.WAIT);
        assertThat(calls.get(1).requested).isEqualTo(2);
        assertThat(calls.get(1).cancelled).isFalse();
        assertThat(calls.get(0).cancelled).as("the refused first call is let go").isTrue();
    }

    @Test
    @DisplayName("with the check switched off every stream lets the query service wait, as before")
    void checkSwitchedOff() {
        new StreamingAnswer(queries, commands, false).follow(alice, "req-stream-0001", null, reader);

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.WAIT);
        calls.get(0).listener.rejected(NOT_FOUND);
        assertThat(reader.got).containsExactly(GatewayCodes.REQUEST_NOT_FOUND);
        assertThat(commands.calls).isEmpty();
    }

    @Test
    @DisplayName("page sizes outside 1..100 and unprintable cursors never reach the service")
    void checksPages() {
        ListingSessions listing = new ListingSessions(queries);
        assertThat(code(listing.list(alice, null, 0))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(listing.list(alice, null, 101))).isEqualTo(GatewayCodes.INVALID_PAGE_SIZE);
        assertThat(code(listing.list(alice, "a b", null))).isEqualTo(GatewayCodes.INVALID_CURSOR);
        assertThat(listing.list(alice, null, null)).isInstanceOf(Outcome.Done.class);
        assertThat(listing.list(alice, "c2", 100)).isInstanceOf(Outcome.Done.class);
    }
}
