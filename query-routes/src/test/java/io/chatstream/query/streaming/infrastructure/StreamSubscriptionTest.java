package io.chatstream.query.streaming.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.query.streaming.domain.StreamChunk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamSubscriptionTest {

    private static final long SECOND = 1_000_000_000L;
    private final RecordingChunkSink sink = new RecordingChunkSink();

    private static StreamChunk token(long seq) {
        return new StreamChunk("token", seq, "t" + seq, 1, "", "", 0, 0, "", "");
    }

    private static StreamChunk thinking(long seq) {
        return new StreamChunk("thinking", seq, "r" + seq, 1, "", "", 0, 0, "", "");
    }

    private static StreamChunk done(long seq) {
        return new StreamChunk("done", seq, "", 1, "completed", "stop", 1, 1, "", "");
    }

    @Test
    @DisplayName("entries up to after_seq and entries already seen are not sent again")
    void skipsRepeats() {
        StreamSubscription s = new StreamSubscription("k", 1, sink, 0);

        s.offer(StreamId.parse("1-0"), token(1), 0);
        s.offer(StreamId.parse("2-0"), token(2), 0);
        s.offer(StreamId.parse("2-0"), token(2), 0);
        s.offer(StreamId.parse("3-0"), done(3), 0);

        assertThat(sink.sent).extracting(StreamChunk::seq).containsExactly(2L, 3L);
        assertThat(s.closed()).isTrue();
    }

    @Test
    @DisplayName("thinking entries are relayed in order before the tokens, never end the stream, and count for seq")
    void thinkingEntries() {
        StreamSubscription s = new StreamSubscription("k", 1, sink, 0);

        s.offer(StreamId.parse("1-0"), thinking(1), 0);
        s.offer(StreamId.parse("2-0"), thinking(2), 0);
        s.offer(StreamId.parse("2-0"), thinking(2), 0);
        s.offer(StreamId.parse("3-0"), token(3), 0);
        assertThat(s.closed()).isFalse();
        assertThat(s.tick(SECOND, SECOND, 5 * SECOND)).isTrue();
        s.offer(StreamId.parse("4-0"), done(4), 0);

        assertThat(sink.sent).extracting(StreamChunk::kind, StreamChunk::seq, StreamChunk::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("thinking", 2L, "r2"),
                org.assertj.core.groups.Tuple.tuple("token", 3L, "t3"),
                org.assertj.core.groups.Tuple.tuple("heartbeat", 3L, ""),
                org.assertj.core.groups.Tuple.tuple("done", 4L, ""));
        assertThat(s.closed()).isTrue();
    }

    @Test
    @DisplayName("an entry of a kind this service does not know is relayed as it is, in order and never final")
    void unknownKind() {
        StreamSubscription s = new StreamSubscription("k", 0, sink, 0);

        s.offer(StreamId.parse("1-0"), new StreamChunk("tool_call", 1, "{}", 1, "", "", 0, 0, "", ""), 0);
        s.offer(StreamId.parse("2-0"), token(2), 0);

        assertThat(sink.sent).extracting(StreamChunk::kind, StreamChunk::seq).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tool_call", 1L), org.assertj.core.groups.Tuple.tuple("token", 2L));
        assertThat(s.closed()).isFalse();
    }

    @Test
    @DisplayName("a reader that already holds the final entry is ended without a chunk")
    void endsWhenFinalAlreadySeen() {
        StreamSubscription s = new StreamSubscription("k", 2, sink, 0);

        s.offer(StreamId.parse("1-0"), token(1), 0);
        s.offer(StreamId.parse("2-0"), done(2), 0);

        assertThat(sink.sent).isEmpty();
        assertThat(sink.ended).isTrue();
    }

    @Test
    @DisplayName("an idle stream gets heartbeats repeating the last seq, then a STREAM_TIMEOUT error")
    void heartbeatsThenTimeout() {
        StreamSubscription s = new StreamSubscription("k", 0, sink, 0);
        s.offer(StreamId.parse("1-0"), token(1), 0);

        assertThat(s.tick(SECOND / 2, SECOND, 5 * SECOND)).isTrue();
        assertThat(s.tick(SECOND, SECOND, 5 * SECOND)).isTrue();
        assertThat(s.tick(5 * SECOND, SECOND, 5 * SECOND)).isFalse();

        assertThat(sink.sent).extracting(StreamChunk::kind, StreamChunk::seq).containsExactly(
                org.assertj.core.groups.Tuple.tuple("token", 1L),
                org.assertj.core.groups.Tuple.tuple("heartbeat", 1L),
                org.assertj.core.groups.Tuple.tuple("error", 2L));
        assertThat(sink.sent.get(2).errorCode()).isEqualTo("STREAM_TIMEOUT");
        assertThat(sink.sent.get(2).isFinal()).isTrue();
    }

    @Test
    @DisplayName("a cancelled reader is dropped and gets nothing more")
    void cancelled() {
        StreamSubscription s = new StreamSubscription("k", 0, sink, 0);
        sink.cancelled = true;

        assertThat(s.tick(SECOND, SECOND, 5 * SECOND)).isFalse();
        s.offer(StreamId.parse("1-0"), token(1), 0);

        assertThat(sink.sent).isEmpty();
    }

    @Test
    @DisplayName("a reader that is not ready pauses its reads until it is ready again")
    void flowControl() {
        StreamSubscription s = new StreamSubscription("k", 0, sink, 0);
        sink.ready = false;

        s.offer(StreamId.parse("1-0"), token(1), 0);
        assertThat(s.readable()).isFalse();

        sink.ready = true;
        s.tick(1, SECOND, 5 * SECOND);
        assertThat(s.readable()).isTrue();
    }

    @Test
    @DisplayName("stream ids order by time, then sequence")
    void streamIds() {
        assertThat(StreamIds.compare("1-5", "2-0")).isNegative();
        assertThat(StreamIds.compare("10-0", "9-9")).isPositive();
        assertThat(StreamIds.compare("3-2", "3-10")).isNegative();
        assertThat(StreamIds.compare("3-2", "3-2")).isZero();
    }
}
