package io.chatstream.query.streaming.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.query.streaming.domain.StreamChunk;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The multiplexer's plan / read / dispatch cycle driven by hand, with the XREAD played by the test: each
 * "read" returns the entries after the positions the plan asked for, so joins, pauses and cancellations
 * can be placed exactly between planning a read and dispatching its entries.
 */
class AnswerStreamGroupingTest {

    private static final RequestId REQUEST = RequestId.generate();
    private static final RequestId OTHER = RequestId.generate();
    private static final StreamSettings SETTINGS = new StreamSettings(Duration.ofSeconds(10), Duration.ofSeconds(120),
            Duration.ofMillis(50), 500, Duration.ofMillis(250),
            Duration.ofSeconds(15), Duration.ofMillis(100));

    private final RedisAnswerStreams streams = new RedisAnswerStreams(null, null, SETTINGS);
    private final Map<String, List<StreamMessage<String, String>>> log = new LinkedHashMap<>();
    private final List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>();

    @Test
    @DisplayName("a reader that joins while a read is in flight gets none of its entries, then all from its own position")
    void joinDuringRead() {
        RecordingChunkSink first = follow(REQUEST, 0);
        append(REQUEST, 1, 2);
        dispatch(readPlanned());
        List<XReadArgs.StreamOffset<String>> blocking = plan();
        RecordingChunkSink second = follow(REQUEST, 0);
        append(REQUEST, 3);
        dispatch(read(blocking));
        assertThat(second.seqs()).isEmpty();

        append(REQUEST, 4);
        dispatch(readPlanned());
        append(REQUEST, 5);
        dispatch(readPlanned());

        assertThat(first.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(second.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("a paused reader pauses only its own reads and, resumed mid-read, misses nothing and repeats nothing")
    void resumeDuringRead() {
        RecordingChunkSink slow = follow(REQUEST, 0);
        RecordingChunkSink fast = follow(REQUEST, 0);
        append(REQUEST, 1);
        slow.ready = false;
        dispatch(readPlanned());
        append(REQUEST, 2, 3);
        dispatch(readPlanned());
        assertThat(slow.seqs()).containsExactly(1L);
        assertThat(fast.seqs()).containsExactly(1L, 2L, 3L);

        List<XReadArgs.StreamOffset<String>> blocking = plan();
        slow.ready = true;
        slow.onReady.run();
        append(REQUEST, 4);
        dispatch(read(blocking));
        assertThat(slow.seqs()).containsExactly(1L);

        dispatch(readPlanned());
        append(REQUEST, 5);
        dispatch(readPlanned());

        assertThat(slow.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fast.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("a cancelled call's subscription is removed at once, without waiting for the ticker")
    void cancelRemoves() {
        RecordingChunkSink gone = follow(REQUEST, 0);
        RecordingChunkSink stays = follow(OTHER, 0);
        assertThat(streams.activeCount()).isEqualTo(2);

        gone.cancel();

        assertThat(streams.activeCount()).isEqualTo(1);
        streams.plan(offsets);
        assertThat(offsets).extracting(o -> o.getName()).containsExactly(RedisKeys.answerStream(OTHER.value()));
        append(REQUEST, 1);
        append(OTHER, 1);
        dispatch(readPlanned());
        assertThat(gone.seqs()).isEmpty();
        assertThat(stays.seqs()).containsExactly(1L);
    }

    @Test
    @DisplayName("a call cancelled before it was followed is not kept")
    void cancelledBeforeFollow() {
        RecordingChunkSink sink = new RecordingChunkSink();
        sink.cancelled = true;
        streams.follow(REQUEST, 0, sink);

        assertThat(streams.activeCount()).isZero();
        streams.plan(offsets);
        assertThat(offsets).isEmpty();
    }

    @Test
    @DisplayName("many readers of one key, joining at different times, each get every entry once and in order")
    void manyReadersOneKey() {
        List<RecordingChunkSink> readers = new ArrayList<>();
        long seq = 0;
        for (int round = 0; round < 40; round++) {
            readers.add(follow(REQUEST, 0));
            dispatch(readPlanned());
            // The next read blocks after what the readers so far have; a new reader joins, an entry comes.
            List<XReadArgs.StreamOffset<String>> blocking = plan();
            readers.add(follow(REQUEST, 0));
            append(REQUEST, ++seq);
            dispatch(read(blocking));
            dispatch(readPlanned());
        }
        append(REQUEST, ++seq);
        for (int i = 0; i < 5; i++) {
            dispatch(readPlanned());
        }
        List<Long> all = new ArrayList<>();
        for (long s = 1; s <= seq; s++) {
            all.add(s);
        }
        assertThat(readers).hasSize(80).allSatisfy(r -> assertThat(r.seqs()).containsExactlyElementsOf(all));
    }

    @Test
    @DisplayName("the final entry ends every reader of the key and removes its subscriptions")
    void finalEntryRemoves() {
        RecordingChunkSink a = follow(REQUEST, 0);
        RecordingChunkSink b = follow(REQUEST, 0);
        append(REQUEST, 1);
        log.get(RedisKeys.answerStream(REQUEST.value())).add(message(REQUEST, "2-0", AnswerStreamEntry.newBuilder()
                .setKind(StreamChunk.DONE).setSeq(2).setStatus("completed").build()));
        dispatch(readPlanned());

        assertThat(a.seqs()).containsExactly(1L, 2L);
        assertThat(b.seqs()).containsExactly(1L, 2L);
        assertThat(streams.activeCount()).isZero();
    }

    @Test
    @DisplayName("thinking entries read from the stream reach the readers as thinking chunks with their text, in order")
    void thinkingEntries() {
        List<Long> delays = new ArrayList<>();
        RedisAnswerStreams measured = new RedisAnswerStreams(null, null, SETTINGS, delays::add);
        RecordingChunkSink reader = new RecordingChunkSink();
        measured.follow(REQUEST, 0, reader);
        String key = RedisKeys.answerStream(REQUEST.value());
        List<StreamMessage<String, String>> read = List.of(
                message(REQUEST, "1-0", entry(StreamChunk.THINKING, 1, "Let me")),
                message(REQUEST, "2-0", entry(StreamChunk.THINKING, 2, " think.")),
                message(REQUEST, "3-0", entry(StreamChunk.TOKEN, 3, "42")),
                message(REQUEST, "4-0", AnswerStreamEntry.newBuilder().setKind(StreamChunk.DONE).setSeq(4)
                        .setStatus("completed").build()));
        measured.plan(offsets);
        assertThat(offsets).extracting(o -> o.getName()).containsExactly(key);

        measured.dispatch(read);

        assertThat(reader.sent).extracting(StreamChunk::kind, StreamChunk::seq, StreamChunk::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("thinking", 1L, "Let me"),
                org.assertj.core.groups.Tuple.tuple("thinking", 2L, " think."),
                org.assertj.core.groups.Tuple.tuple("token", 3L, "42"),
                org.assertj.core.groups.Tuple.tuple("done", 4L, ""));
        assertThat(delays).as("every entry's relay delay is measured, whatever its kind").hasSize(4);
        assertThat(measured.activeCount()).isZero();
    }

    @Test
    @DisplayName("the ticker heartbeats only readers whose heartbeat is due")
    void tickerHeartbeatsOnlyDue() {
        RedisAnswerStreams quick = new RedisAnswerStreams(null, null, new StreamSettings(Duration.ZERO,
                Duration.ofSeconds(120), Duration.ofMillis(50), 500, Duration.ofMillis(250),
                Duration.ofSeconds(15), Duration.ofMillis(100)));
        RecordingChunkSink idle = new RecordingChunkSink();
        quick.follow(REQUEST, 0, idle);

        quick.tick();

        assertThat(idle.sent).extracting(StreamChunk::kind).containsExactly(StreamChunk.HEARTBEAT);
        streams.follow(REQUEST, 0, new RecordingChunkSink());
        RecordingChunkSink fresh = new RecordingChunkSink();
        streams.follow(REQUEST, 0, fresh);
        streams.tick();
        assertThat(fresh.sent).isEmpty();
    }

    private RecordingChunkSink follow(RequestId request, long afterSeq) {
        RecordingChunkSink sink = new RecordingChunkSink();
        streams.follow(request, afterSeq, sink);
        return sink;
    }

    private void append(RequestId request, long... seqs) {
        for (long seq : seqs) {
            log.computeIfAbsent(RedisKeys.answerStream(request.value()), k -> new ArrayList<>()).add(message(request,
                    seq + "-0", AnswerStreamEntry.newBuilder().setKind(StreamChunk.TOKEN).setSeq(seq).setText("t" + seq)
                            .setAttempt(1).build()));
        }
    }

    private static AnswerStreamEntry entry(String kind, long seq, String text) {
        return AnswerStreamEntry.newBuilder().setKind(kind).setSeq(seq).setText(text).setAttempt(1).build();
    }

    private static StreamMessage<String, String> message(RequestId request, String id, AnswerStreamEntry entry) {
        return new StreamMessage<>(RedisKeys.answerStream(request.value()), id, AnswerStreamEntries.toFields(entry));
    }

    private List<StreamMessage<String, String>> readPlanned() {
        return read(plan());
    }

    private List<XReadArgs.StreamOffset<String>> plan() {
        streams.plan(offsets);
        return List.copyOf(offsets);
    }

    /** Plays XREAD: every logged entry after the position asked for, per key. */
    private List<StreamMessage<String, String>> read(List<XReadArgs.StreamOffset<String>> planned) {
        List<StreamMessage<String, String>> read = new ArrayList<>();
        for (XReadArgs.StreamOffset<String> o : planned) {
            StreamId from = StreamId.parse(o.getOffset());
            for (StreamMessage<String, String> m : log.getOrDefault(o.getName(), List.of())) {
                if (StreamId.parse(m.getId()).isAfter(from)) {
                    read.add(m);
                }
            }
        }
        return read;
    }

    private void dispatch(List<StreamMessage<String, String>> read) {
        streams.dispatch(read);
    }
}
