package io.chatstream.gateway.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.RecordingQueries;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A follow whose query instance goes away mid-answer, driven by hand: calls, pauses and the reader's credits. */
class ResumingFollowTest {

    private static final Rejection BROKEN_OFF = new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, "query service is unavailable");
    private static final RequestId REQUEST = RequestId.parse("req-resume-0001").orElseThrow();

    private final RecordingQueries queries = new RecordingQueries();
    private final List<RecordingQueries.Call> calls = queries.calls;
    private final ManualResumes resumes = new ManualResumes();
    private final RecordingReader reader = new RecordingReader(4);
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());

    private AnswerSubscription follow(int maxAttempts) {
        return new ResumingFollow(queries, resumes.budget(maxAttempts), alice, REQUEST, 0, WhenUnknown.WAIT, reader).start();
    }

    private static AnswerEvent token(long seq) {
        return new AnswerEvent.Token(seq, "t" + seq);
    }

    /** Call number {@code call} delivers tokens {@code from} to {@code to}. */
    private void tokens(int call, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            calls.get(call).listener.event(token(seq));
        }
    }

    @Test
    @DisplayName("a call cut off by its instance is made again after the last seq delivered; the reader sees no break")
    void resumesAfterTheLastSeq() {
        follow(5);
        tokens(0, 1, 2);
        calls.get(0).listener.event(new AnswerEvent.Heartbeat(2));
        calls.get(0).listener.brokeOff(BROKEN_OFF);

        assertThat(calls).as("nothing before the pause ends").hasSize(1);
        resumes.endPause();
        calls.get(1).listener.event(token(3));
        calls.get(1).listener.event(new AnswerEvent.Done(4, "completed", "stop", null));
        calls.get(1).listener.ended();

        assertThat(calls).extracting(c -> c.afterSeq).containsExactly(0L, 2L);
        assertThat(calls.get(1).whenUnknown).isEqualTo(WhenUnknown.WAIT);
        assertThat(reader.got).containsExactly(token(1), token(2), new AnswerEvent.Heartbeat(2), token(3),
                new AnswerEvent.Done(4, "completed", "stop", null), "ended");
        assertThat(resumes.reports).containsExactly("resuming req-resume-0001 after 2 attempt 1");
        assertThat(resumes.pauses).singleElement().satisfies(p -> assertThat(p).isBetween(Duration.ZERO, Duration.ofMillis(100)));
    }

    @Test
    @DisplayName("a call cut off after a piece of reasoning is made again after that piece's seq: reasoning is a place to resume from")
    void resumesAfterThinking() {
        follow(5);
        calls.get(0).listener.event(new AnswerEvent.Thinking(1, "Hm"));
        calls.get(0).listener.event(new AnswerEvent.Thinking(2, ", a greeting."));
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        calls.get(1).listener.event(token(3));

        assertThat(calls).extracting(c -> c.afterSeq).containsExactly(0L, 2L);
        assertThat(reader.got).containsExactly(new AnswerEvent.Thinking(1, "Hm"), new AnswerEvent.Thinking(2, ", a greeting."),
                token(3));
    }

    @Test
    @DisplayName("cancel and flow-control requests reach the call that is current")
    void subscriptionFollowsTheCurrentCall() {
        AnswerSubscription subscription = follow(5);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        subscription.request(1);
        subscription.cancel();

        assertThat(calls.get(1).requested).isEqualTo(1);
        assertThat(calls.get(1).cancelled).isTrue();
    }

    @Test
    @DisplayName("the new call is granted the room the reader has left: its window, plus what it asked for, minus what it got")
    void carriesTheReadersRoomOver() {
        AnswerSubscription subscription = follow(5);
        tokens(0, 1, 3);
        subscription.request(1);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        subscription.request(1);
        resumes.endPause();

        assertThat(calls.get(0).window).isEqualTo(4);
        assertThat(calls.get(1).window).as("4 + 1 + 1 asked for - 3 delivered").isEqualTo(3);
        assertThat(calls.get(1).requested).isZero();
    }

    @Test
    @DisplayName("room asked for while the new call is being opened reaches that call")
    void requestsWhileOpening() {
        AnswerSubscription subscription = follow(5);
        tokens(0, 1, 1);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        queries.whileOpening = call -> subscription.request(2);
        resumes.endPause();

        assertThat(calls.get(1).window).isEqualTo(3);
        assertThat(calls.get(1).requested).isEqualTo(2);
    }

    @Test
    @DisplayName("a reader with no room left is followed again only once it asks for more, and gets just that")
    void waitsForRoom() {
        AnswerSubscription subscription = follow(5);
        tokens(0, 1, 4);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();

        assertThat(calls).hasSize(1);
        subscription.request(2);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).afterSeq).isEqualTo(4);
        assertThat(calls.get(1).window).isEqualTo(2);
    }

    @Test
    @DisplayName("after max-attempts re-opens without a new event the reader gets DEPENDENCY_UNAVAILABLE, with pauses growing")
    void budgetUsedUp() {
        follow(2);
        tokens(0, 1, 1);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        calls.get(1).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        calls.get(2).listener.brokeOff(BROKEN_OFF);

        assertThat(calls).extracting(c -> c.afterSeq).containsExactly(0L, 1L, 1L);
        assertThat(reader.got).containsExactly(token(1), GatewayCodes.DEPENDENCY_UNAVAILABLE);
        assertThat(resumes.pausing()).isFalse();
        assertThat(resumes.reports).containsExactly("resuming req-resume-0001 after 1 attempt 1",
                "resuming req-resume-0001 after 1 attempt 2", "gave up req-resume-0001 after 1 attempts 2");
        assertThat(resumes.pauses.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    @DisplayName("a new event starts the count again")
    void progressRefillsTheBudget() {
        follow(1);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();
        tokens(1, 1, 1);
        calls.get(1).listener.brokeOff(BROKEN_OFF);
        resumes.endPause();

        assertThat(calls).hasSize(3);
        assertThat(reader.got).containsExactly(token(1));
    }

    @Test
    @DisplayName("with 0 attempts a break is the reader's error at once, as before")
    void switchedOff() {
        follow(0);
        calls.get(0).listener.brokeOff(BROKEN_OFF);

        assertThat(reader.got).containsExactly(GatewayCodes.DEPENDENCY_UNAVAILABLE);
        assertThat(resumes.pausing()).isFalse();
    }

    @Test
    @DisplayName("a rejection and a normal end pass through and are never followed again")
    void rejectionsAndEndsPassThrough() {
        follow(5);
        calls.get(0).listener.rejected(new Rejection("REQUEST_NOT_FOUND", "no such request"));
        follow(5);
        calls.get(1).listener.rejected(new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, "not connected in time"));
        follow(5);
        calls.get(2).listener.ended();

        assertThat(reader.got).containsExactly("REQUEST_NOT_FOUND", GatewayCodes.DEPENDENCY_UNAVAILABLE, "ended");
        assertThat(calls).hasSize(3);
        assertThat(resumes.pausing()).isFalse();
    }

    @Test
    @DisplayName("a break after the final event only lost the end of the call: the stream ends")
    void brokenOffAfterTheFinalEvent() {
        follow(5);
        calls.get(0).listener.event(new AnswerEvent.Failed(1, "MODEL_FAILED", "failed"));
        calls.get(0).listener.brokeOff(BROKEN_OFF);

        assertThat(reader.got).containsExactly(new AnswerEvent.Failed(1, "MODEL_FAILED", "failed"), "ended");
        assertThat(resumes.pausing()).isFalse();
    }

    @Test
    @DisplayName("a reader gone during the pause opens nothing more")
    void readerGoneDuringThePause() {
        AnswerSubscription subscription = follow(5);
        calls.get(0).listener.brokeOff(BROKEN_OFF);
        subscription.cancel();
        resumes.endPause();

        assertThat(calls).hasSize(1);
        assertThat(reader.got).isEmpty();
    }

    @Test
    @DisplayName("pauses: random up to 100 ms, doubling up to 1 s; a budget that makes no sense is refused")
    void pauses() {
        Resumption budget = resumes.budget(5);

        assertThat(List.of(1, 2, 3, 4, 5, 9)).extracting(attempt -> budget.pauseBefore(attempt, 0.999_999).toMillis())
                .containsExactly(99L, 199L, 399L, 799L, 999L, 999L);
        assertThat(budget.pauseBefore(3, 0)).isZero();
        assertThatThrownBy(() -> new Resumption(-1, Duration.ZERO, Duration.ZERO, resumes, resumes))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Resumption(3, Duration.ofSeconds(2), Duration.ofSeconds(1), resumes, resumes))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
