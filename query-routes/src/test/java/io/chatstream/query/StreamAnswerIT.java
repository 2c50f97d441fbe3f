package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.chatstream.query.QueryItMessages.*;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.ChatQueryServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** StreamAnswer end to end: live, resumed, replayed, refused, timed out, cancelled, many at once. */
class StreamAnswerIT extends QueryServiceItBase {

    // ---- StreamAnswer -------------------------------------------------------------------------

    @Test
    @DisplayName("StreamAnswer from 0 yields every token in order, then the final done chunk")
    void streamsFromStart() {
        Ids ids = submit("hello there", 1, Instant.now());
        xaddAnswer(ids.request(), "Hel", "lo", "!");

        List<AnswerChunk> chunks = withoutHeartbeats(collect(ids.request(), USER, 0));

        assertThat(chunks).extracting(AnswerChunk::getSeq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(chunks.subList(0, 3)).extracting(AnswerChunk::getToken).containsExactly("Hel", "lo", "!");
        AnswerChunk last = chunks.get(3);
        assertThat(last.getIsFinal()).isTrue();
        assertThat(last.getKind()).isEqualTo("done");
        assertThat(last.getStatus()).isEqualTo("completed");
        assertThat(last.getFinishReason()).isEqualTo("stop");
        assertThat(last.getUsage().getOutputTokens()).isEqualTo(3);
    }

    @Test
    @DisplayName("StreamAnswer from after_seq k yields exactly the rest")
    void resumesAfterSeq() {
        Ids ids = submit("resume me", 1, Instant.now());
        xaddAnswer(ids.request(), "a", "b", "c", "d");

        List<AnswerChunk> chunks = withoutHeartbeats(collect(ids.request(), USER, 2));

        assertThat(chunks).extracting(AnswerChunk::getSeq).containsExactly(3L, 4L, 5L);
        assertThat(chunks).extracting(AnswerChunk::getToken).containsExactly("c", "d", "");
    }

    @Test
    @DisplayName("A stream written after the call started is followed live, with heartbeats while idle")
    void followsLive() throws Exception {
        Ids ids = submit("live please", 1, Instant.now());
        awaitOwnership(ids.request());
        List<AnswerChunk> received = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0), collector(received, done));

        Thread.sleep(1200);
        assertThat(received).as("heartbeats before the first entry").isNotEmpty()
                .allMatch(c -> c.getKind().equals("heartbeat") && c.getSeq() == 0 && !c.getIsFinal());
        xadd(ids.request(), token(1, "x"));
        Thread.sleep(200);
        xadd(ids.request(), token(2, "y"));
        xadd(ids.request(), done(3, 2));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(withoutHeartbeats(received)).extracting(AnswerChunk::getSeq).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("A thinking model's stream relays its reasoning as thinking chunks, in order, before the tokens")
    void relaysThinkingLive() throws Exception {
        Ids ids = submit("think first", 1, Instant.now());
        awaitOwnership(ids.request());
        List<AnswerChunk> received = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0), collector(received, done));

        xadd(ids.request(), thinking(1, "The user"));
        xadd(ids.request(), thinking(2, " wants 42."));
        Thread.sleep(1200);
        xadd(ids.request(), token(3, "4"));
        xadd(ids.request(), token(4, "2"));
        xadd(ids.request(), done(5, 2));

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        List<AnswerChunk> chunks = withoutHeartbeats(received);
        assertThat(chunks).extracting(AnswerChunk::getKind, AnswerChunk::getSeq, AnswerChunk::getToken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("thinking", 1L, "The user"),
                        org.assertj.core.groups.Tuple.tuple("thinking", 2L, " wants 42."),
                        org.assertj.core.groups.Tuple.tuple("token", 3L, "4"),
                        org.assertj.core.groups.Tuple.tuple("token", 4L, "2"),
                        org.assertj.core.groups.Tuple.tuple("done", 5L, ""));
        assertThat(chunks).filteredOn(c -> c.getKind().equals("thinking"))
                .allSatisfy(c -> assertThat(c.getIsFinal()).isFalse());
        long lastSeq = 0;
        for (AnswerChunk c : received) {
            if (c.getKind().equals("heartbeat")) {
                assertThat(c.getSeq()).as("a heartbeat repeats the last seq sent, thinking included").isEqualTo(lastSeq);
            } else {
                lastSeq = c.getSeq();
            }
        }
        assertThat(received).as("heartbeats while the model thinks").anyMatch(c -> c.getKind().equals("heartbeat")
                && c.getSeq() == 2);
    }

    @Test
    @DisplayName("Another user's request, and an unknown one, are NOT_FOUND with code REQUEST_NOT_FOUND")
    void refusesOtherUsers() {
        Ids ids = submit("mine only", 1, Instant.now());
        awaitOwnership(ids.request());

        StatusRuntimeException other = catchThrowableOfType(StatusRuntimeException.class,
                () -> collect(ids.request(), "mallory", 0));
        StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class,
                () -> collect(UUID.randomUUID().toString(), USER, 0));
        StatusRuntimeException malformed = catchThrowableOfType(StatusRuntimeException.class,
                () -> collect("bad id!", USER, 0));

        assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ErrorCodes.codeOf(other)).isEqualTo(ErrorCodes.REQUEST_NOT_FOUND);
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ErrorCodes.codeOf(unknown)).isEqualTo(ErrorCodes.REQUEST_NOT_FOUND);
        assertThat(malformed.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(ErrorCodes.codeOf(malformed)).isEqualTo(ErrorCodes.INVALID_REQUEST_ID);
    }

    @Test
    @DisplayName("With skip_ownership_wait an unknown or foreign request is NOT_FOUND at once; without it only after the wait")
    void skipOwnershipWaitAnswersAtOnce() {
        Ids ids = submit("mine, and known", 1, Instant.now());
        awaitOwnership(ids.request());
        String unknownId = UUID.randomUUID().toString();
        catchThrowableOfType(StatusRuntimeException.class, () -> collect(ids.request(), "warm-up", 0)); // first call pays for class loading

        List<Long> fastMillis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = i % 2 == 0 ? UUID.randomUUID().toString() : ids.request();
            String user = i % 2 == 0 ? USER : "mallory";
            long started = System.nanoTime();
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                    () -> stub().streamAnswer(requestSkippingWait(id, user, 0)).forEachRemaining(c -> { }));
            fastMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
            assertThat(ErrorCodes.codeOf(e)).isEqualTo(ErrorCodes.REQUEST_NOT_FOUND);
        }
        long started = System.nanoTime();
        StatusRuntimeException waited = catchThrowableOfType(StatusRuntimeException.class,
                () -> collect(unknownId, USER, 0));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        // The default ownership wait is 2 s in these tests; skipping it costs one look-up.
        assertThat(fastMillis).allSatisfy(ms -> assertThat(ms).isLessThan(500));
        assertThat(ErrorCodes.codeOf(waited)).isEqualTo(ErrorCodes.REQUEST_NOT_FOUND);
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    @DisplayName("With skip_ownership_wait a known request of the caller streams as usual")
    void skipOwnershipWaitStreamsKnownRequests() {
        Ids ids = submit("known", 1, Instant.now());
        awaitOwnership(ids.request());
        xaddAnswer(ids.request(), "a", "b");

        List<AnswerChunk> chunks = new ArrayList<>();
        stub().streamAnswer(requestSkippingWait(ids.request(), USER, 0)).forEachRemaining(chunks::add);

        assertThat(withoutHeartbeats(chunks)).extracting(AnswerChunk::getSeq).containsExactly(1L, 2L, 3L);
    }

    @Test
    @DisplayName("StreamAnswer waits for an ownership that is projected after the call arrived")
    void waitsForOwnership() throws Exception {
        String request = UUID.randomUUID().toString();
        List<AnswerChunk> received = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(request, USER, 0), collector(received, done));
        xadd(request, token(1, "late"));
        xadd(request, done(2, 1));
        submit(request, UUID.randomUUID().toString(), "late prompt", 1, Instant.now());

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(withoutHeartbeats(received)).extracting(AnswerChunk::getSeq).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("When the Redis stream is gone, the stored answer is replayed as one token and its end")
    void replaysStoredAnswer() {
        Ids ids = submit("replay me", 1, Instant.now());
        xaddAnswer(ids.request(), "stored ", "answer");
        complete(ids, "completed", "stored answer", Instant.now());
        awaitAssistantStatus(ids.request(), "completed");
        redisTemplate.delete(RedisKeys.answerStream(ids.request()));

        List<AnswerChunk> chunks = collect(ids.request(), USER, 0);
        List<AnswerChunk> tail = collect(ids.request(), USER, 1);

        assertThat(chunks).extracting(AnswerChunk::getSeq).containsExactly(1L, 2L);
        assertThat(chunks.get(0).getToken()).isEqualTo("stored answer");
        assertThat(chunks.get(1).getIsFinal()).isTrue();
        assertThat(chunks.get(1).getStatus()).isEqualTo("completed");
        assertThat(tail).extracting(AnswerChunk::getSeq).containsExactly(2L);
    }

    @Test
    @DisplayName("The stored replay of an answer with reasoning starts with it: thinking 1, token 2, end 3")
    void replaysStoredReasoning() {
        Ids ids = submit("replay my thoughts", 1, Instant.now());
        xadd(ids.request(), thinking(1, "Short question, "));
        xadd(ids.request(), thinking(2, "short answer."));
        xadd(ids.request(), token(3, "Yes."));
        xadd(ids.request(), done(4, 1));
        completeWithReasoning(ids, "completed", "Yes.", "Short question, short answer.", Instant.now());
        awaitAssistantStatus(ids.request(), "completed");
        redisTemplate.delete(RedisKeys.answerStream(ids.request()));

        List<AnswerChunk> chunks = collect(ids.request(), USER, 0);
        List<AnswerChunk> tail = collect(ids.request(), USER, 1);

        assertThat(chunks).extracting(AnswerChunk::getKind, AnswerChunk::getSeq, AnswerChunk::getToken)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("thinking", 1L, "Short question, short answer."),
                        org.assertj.core.groups.Tuple.tuple("token", 2L, "Yes."),
                        org.assertj.core.groups.Tuple.tuple("done", 3L, ""));
        assertThat(chunks.get(2).getIsFinal()).isTrue();
        assertThat(tail).extracting(AnswerChunk::getSeq).containsExactly(2L, 3L);
    }

    @Test
    @DisplayName("A stream that never starts ends with a final STREAM_TIMEOUT error chunk")
    void timesOut() {
        Ids ids = submit("nobody answers", 1, Instant.now());

        List<AnswerChunk> chunks = withoutHeartbeats(collect(ids.request(), USER, 0));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.getIsFinal()).isTrue();
            assertThat(c.getKind()).isEqualTo("error");
            assertThat(c.getStatus()).isEqualTo("failed");
            assertThat(c.getErrorCode()).isEqualTo("STREAM_TIMEOUT");
        });
    }

    @Test
    @DisplayName("A client that cancels is dropped by the stream reader")
    void dropsCancelledReaders() {
        Ids ids = submit("cancel me", 1, Instant.now());
        awaitOwnership(ids.request());
        xadd(ids.request(), token(1, "first"));
        double before = activeStreams();
        io.grpc.Context.CancellableContext call = io.grpc.Context.current().withCancellation();
        List<AnswerChunk> received = new CopyOnWriteArrayList<>();
        call.run(() -> ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0),
                collector(received, new CountDownLatch(1))));
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        assertThat(activeStreams()).isEqualTo(before + 1);

        call.cancel(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> activeStreams() == before);
    }

    @Test
    @DisplayName("A reader joining mid-answer, while the shared read blocks further on, still gets every entry")
    void readerJoiningMidAnswerMissesNothing() throws Exception {
        for (int round = 0; round < 5; round++) {
            Ids ids = submit("two readers " + round, 1, Instant.now());
            awaitOwnership(ids.request());
            double before = activeStreams();
            List<AnswerChunk> first = new CopyOnWriteArrayList<>();
            CountDownLatch firstDone = new CountDownLatch(1);
            ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0),
                    collector(first, firstDone));
            for (int seq = 1; seq <= 3; seq++) {
                xadd(ids.request(), token(seq, "t" + seq));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> withoutHeartbeats(first).size() == 3);

            // The shared XREAD now blocks after entry 3; the second reader joins from the start and
            // the next entry is written at once, while that read is still in flight.
            List<AnswerChunk> second = new CopyOnWriteArrayList<>();
            CountDownLatch secondDone = new CountDownLatch(1);
            ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0),
                    collector(second, secondDone));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (activeStreams() < before + 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            xadd(ids.request(), token(4, "t4"));
            xadd(ids.request(), done(5, 4));

            assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(withoutHeartbeats(second)).as("round %d", round).extracting(AnswerChunk::getSeq)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    @DisplayName("Many concurrent streams are served by the shared reader, each complete and in order")
    void manyConcurrentStreams() throws Exception {
        int n = 150;
        List<Ids> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(submit("concurrent " + i, 1, Instant.now()));
        }
        String placeholders = String.join(",", java.util.Collections.nCopies(n, "?"));
        Object[] requests = all.stream().map(Ids::request).toArray();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM request_ownership WHERE request_id IN (" + placeholders + ")", Integer.class,
                requests) == n);
        int threadsBefore = threadsOutsideGrpcTransport();
        CountDownLatch done = new CountDownLatch(n);
        List<List<AnswerChunk>> received = new ArrayList<>();
        for (Ids ids : all) {
            List<AnswerChunk> mine = new CopyOnWriteArrayList<>();
            received.add(mine);
            ChatQueryServiceGrpc.newStub(channel).streamAnswer(request(ids.request(), USER, 0), collector(mine, done));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> activeStreams() >= n);
        int threadsWhileOpen = threadsOutsideGrpcTransport();
        for (int seq = 1; seq <= 3; seq++) {
            for (Ids ids : all) {
                xadd(ids.request(), token(seq, "t" + seq));
            }
        }
        all.forEach(ids -> xadd(ids.request(), done(4, 3)));

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(received).allSatisfy(chunks -> assertThat(withoutHeartbeats(chunks))
                .extracting(AnswerChunk::getSeq).containsExactly(1L, 2L, 3L, 4L));
        assertThat(threadsWhileOpen - threadsBefore).as("no thread per open stream").isLessThan(10);
    }

    /**
     * Live threads other than grpc-java's shared cached executor, which both this test's client
     * callbacks and the server's call start-up borrow in bursts; what must not grow per stream are
     * the threads the service itself dedicates to reading and sending.
     */
    private static int threadsOutsideGrpcTransport() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("grpc-default-executor"))
                .count();
    }
}
