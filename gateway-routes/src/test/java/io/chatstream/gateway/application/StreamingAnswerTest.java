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

    private final List<Long> followedAfter = new ArrayList<>();
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
        public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, AnswerListener listener) {
            followedAfter.add(afterSeq);
            return () -> { };
        }
    };
    private final StreamingAnswer streaming = new StreamingAnswer(queries);
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());

    @Test
    @DisplayName("the last event id the reader saw becomes the resume position")
    void resumesAfterLastEvent() {
        streaming.follow(alice, "req-stream-0001", null, null);
        streaming.follow(alice, "req-stream-0001", " 42 ", null);

        assertThat(followedAfter).containsExactly(0L, 42L);
    }

    @Test
    @DisplayName("a malformed request id or last event id is rejected before anything starts")
    void rejectsBadInput() {
        assertThat(code(streaming.follow(alice, null, null, null))).isEqualTo(GatewayCodes.INVALID_REQUEST_ID);
        assertThat(code(streaming.follow(alice, "req-stream-0001", "-1", null))).isEqualTo(GatewayCodes.INVALID_LAST_EVENT_ID);
        assertThat(code(streaming.follow(alice, "req-stream-0001", "abc", null))).isEqualTo(GatewayCodes.INVALID_LAST_EVENT_ID);
        assertThat(followedAfter).isEmpty();
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
