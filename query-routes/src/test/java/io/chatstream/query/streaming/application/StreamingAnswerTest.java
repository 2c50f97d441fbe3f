package io.chatstream.query.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.projection.application.InMemoryReadModels;
import io.chatstream.query.projection.application.ProjectingAnswer;
import io.chatstream.query.projection.application.ProjectingPrompt;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamingAnswerTest {

    private final InMemoryReadModels models = new InMemoryReadModels();
    private final FakeAnswerStreams streams = new FakeAnswerStreams();
    private final StreamingAnswer streaming = new StreamingAnswer(models, models, streams);
    private final RecordingSink sink = new RecordingSink();

    private final RequestId request = new RequestId("request-0001");
    private final SessionId session = new SessionId("session-0001");
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private void submitted() {
        new ProjectingPrompt(models, models, models, models)
                .project(new SubmittedPrompt(request, session, new UserId("alice"), 1, "hi", t0));
    }

    @Test
    @DisplayName("an unknown request asks the caller to wait for its ownership")
    void unknownRequest() {
        assertThat(streaming.open("request-0001", "alice", 0, sink)).isInstanceOf(StreamOpening.OwnershipUnknown.class);
    }

    @Test
    @DisplayName("another user's request is refused as not found")
    void otherUser() {
        submitted();

        StreamOpening opening = streaming.open("request-0001", "mallory", 0, sink);

        assertThat(opening).isEqualTo(new StreamOpening.Rejected(
                Rejection.notFound(RejectionCodes.REQUEST_NOT_FOUND, "no such request")));
        assertThat(streams.followed).isEmpty();
    }

    @Test
    @DisplayName("malformed ids are refused as invalid")
    void malformedIds() {
        assertThat(streaming.open("bad id", "alice", 0, sink)).isInstanceOfSatisfying(StreamOpening.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(RejectionCodes.INVALID_REQUEST_ID));
    }

    @Test
    @DisplayName("the owner follows the live stream from the requested position")
    void follows() {
        submitted();
        streams.exists = true;

        assertThat(streaming.open("request-0001", "alice", 3, sink)).isInstanceOf(StreamOpening.Following.class);
        assertThat(streams.followed).containsExactly(3L);
    }

    @Test
    @DisplayName("a stream not started yet without a stored answer is followed (the worker may start later)")
    void followsNotYetStarted() {
        submitted();

        assertThat(streaming.open("request-0001", "alice", 0, sink)).isInstanceOf(StreamOpening.Following.class);
    }

    @Test
    @DisplayName("an expired stream with a stored answer is replayed, and a reader who has it all is just ended")
    void replays() {
        submitted();
        new ProjectingAnswer(models, models, models).project(new FinishedAnswer(request, session,
                new UserId("alice"), 1, new FinalAnswer("completed", "whole", "", "stop", "", "", 1, 1), t0));

        assertThat(streaming.open("request-0001", "alice", 0, sink)).isInstanceOf(StreamOpening.Replayed.class);
        assertThat(sink.chunks).extracting(StreamChunk::seq).containsExactly(1L, 2L);

        RecordingSink done = new RecordingSink();
        streaming.open("request-0001", "alice", 2, done);
        assertThat(done.chunks).isEmpty();
        assertThat(done.ended).isTrue();
    }

    @Test
    @DisplayName("an expired stream of an answer with reasoning replays the reasoning first, as a thinking chunk")
    void replaysReasoning() {
        submitted();
        new ProjectingAnswer(models, models, models).project(new FinishedAnswer(request, session,
                new UserId("alice"), 1, new FinalAnswer("completed", "whole", "first this", "stop", "", "", 1, 1), t0));

        streaming.open("request-0001", "alice", 0, sink);

        assertThat(sink.chunks).extracting(StreamChunk::kind, StreamChunk::seq, StreamChunk::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("thinking", 1L, "first this"),
                org.assertj.core.groups.Tuple.tuple("token", 2L, "whole"),
                org.assertj.core.groups.Tuple.tuple("done", 3L, ""));
    }

    @Test
    @DisplayName("a stream that times out before delivering anything replays the answer stored meanwhile")
    void timeoutFallsBackToStoredAnswer() {
        submitted();
        streaming.open("request-0001", "alice", 0, sink);
        new ProjectingAnswer(models, models, models).project(new FinishedAnswer(request, session,
                new UserId("alice"), 1, new FinalAnswer("completed", "whole", "", "stop", "", "", 1, 1), t0));

        streams.sink.send(StreamChunk.heartbeat(0));
        streams.sink.send(StreamChunk.timedOut(0));

        assertThat(sink.chunks).extracting(StreamChunk::kind).containsExactly("heartbeat", "token", "done");
    }

    @Test
    @DisplayName("a stream that times out without a stored answer reports STREAM_TIMEOUT")
    void timeoutWithoutStoredAnswer() {
        submitted();
        streaming.open("request-0001", "alice", 0, sink);

        streams.sink.send(StreamChunk.timedOut(0));

        assertThat(sink.chunks).singleElement().satisfies(c -> assertThat(c.errorCode()).isEqualTo("STREAM_TIMEOUT"));
    }

    static final class RecordingSink implements ChunkSink {
        final List<StreamChunk> chunks = new ArrayList<>();
        boolean ended;

        @Override
        public void send(StreamChunk chunk) {
            chunks.add(chunk);
        }

        @Override
        public void end() {
            ended = true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }
}
