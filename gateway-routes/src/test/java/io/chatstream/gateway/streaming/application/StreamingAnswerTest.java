package io.chatstream.gateway.streaming.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.PromptStatus;
import io.chatstream.gateway.backend.application.RecordingCommands;
import io.chatstream.gateway.backend.application.RecordingQueries;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamingAnswerTest {

    private final RecordingQueries queries = new RecordingQueries();
    private final List<RecordingQueries.Call> calls = queries.calls;
    private final ManualResumes resumes = new ManualResumes();
    private final RecordingCommands commands = new RecordingCommands();
    private final StreamingAnswer streaming = new StreamingAnswer(queries, commands, true, resumes.budget(5));
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());
    private final RecordingReader reader = new RecordingReader(8);
    private static final Rejection NOT_FOUND = new Rejection(GatewayCodes.REQUEST_NOT_FOUND, "no such request");
    private static final Rejection BROKEN_OFF = new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, "query service is unavailable");

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
        RecordingQueries.Call first = calls.get(0);
        first.listener.event(new AnswerEvent.Token(1, "Hi"));
        first.listener.ended();

        assertThat(first.whenUnknown).isEqualTo(WhenUnknown.REFUSE);
        assertThat(first.window).isEqualTo(8);
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

        RecordingQueries.Call second = calls.get(1);
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
        queries.whileOpening = call -> {
            if (call.whenUnknown == WhenUnknown.REFUSE) {
                call.listener.rejected(NOT_FOUND);
            }
        };

        AnswerSubscription subscription = follow(null);
        subscription.request(2);

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.REFUSE, WhenUnknown.WAIT);
        assertThat(calls.get(1).requested).isEqualTo(2);
        assertThat(calls.get(1).cancelled).isFalse();
        assertThat(calls.get(0).cancelled).as("the refused first call is let go").isTrue();
    }

    @Test
    @DisplayName("a just-accepted answer whose query instance dies mid-way is followed again after its last seq, still with the wait")
    void justAcceptedThenBrokenOff() {
        follow("3");
        calls.get(0).listener.rejected(NOT_FOUND);
        commands.status.complete(Outcome.done(new PromptStatus(true)));
        calls.get(1).listener.event(new AnswerEvent.Token(4, "late"));
        calls.get(1).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        calls.get(2).listener.event(new AnswerEvent.Token(5, " on"));

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.REFUSE, WhenUnknown.WAIT, WhenUnknown.WAIT);
        assertThat(calls.get(2).afterSeq).isEqualTo(4);
        assertThat(reader.got).containsExactly(new AnswerEvent.Token(4, "late"), new AnswerEvent.Token(5, " on"));
        assertThat(commands.calls).as("the command service is asked once").hasSize(1);
    }

    @Test
    @DisplayName("a break before the first event is followed again as it was opened, without asking the command service")
    void brokenOffBeforeTheFirstEvent() {
        follow(null);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.REFUSE, WhenUnknown.REFUSE);
        assertThat(calls).extracting(c -> c.afterSeq).containsExactly(0L, 0L);
        assertThat(commands.calls).isEmpty();
        assertThat(reader.got).isEmpty();
    }

    @Test
    @DisplayName("with the check switched off every stream lets the query service wait, as before")
    void checkSwitchedOff() {
        new StreamingAnswer(queries, commands, false, resumes.budget(5)).follow(alice, "req-stream-0001", null, reader);

        assertThat(calls).extracting(c -> c.whenUnknown).containsExactly(WhenUnknown.WAIT);
        calls.get(0).listener.rejected(NOT_FOUND);
        assertThat(reader.got).containsExactly(GatewayCodes.REQUEST_NOT_FOUND);
        assertThat(commands.calls).isEmpty();
    }
}
