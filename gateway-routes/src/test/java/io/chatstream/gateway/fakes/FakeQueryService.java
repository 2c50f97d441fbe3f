package io.chatstream.gateway.fakes;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.ChatQueryServiceGrpc;
import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.GetSessionMessagesResponse;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.proto.v1.MessageView;
import io.chatstream.proto.v1.SearchHit;
import io.chatstream.proto.v1.ListModelsRequest;
import io.chatstream.proto.v1.ListModelsResponse;
import io.chatstream.proto.v1.ModelInfo;
import io.chatstream.proto.v1.SearchMessagesRequest;
import io.chatstream.proto.v1.SearchMessagesResponse;
import io.chatstream.proto.v1.SessionView;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.chatstream.proto.v1.Usage;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Canned query service: the request or session id chooses the answer. */
public final class FakeQueryService extends ChatQueryServiceGrpc.ChatQueryServiceImplBase {

    private static final Timestamp T1 = Timestamp.newBuilder().setSeconds(1_767_225_600L).build();

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** Tokens of a {@code req-flood} answer (plus a final done event). */
    public static final int FLOOD_TOKENS = 4_000;

    /** Tokens of a {@code req-handover} answer (plus a final done event); the first instance holds after HANDOVER_AT. */
    public static final int HANDOVER_TOKENS = 12;
    public static final int HANDOVER_AT = 5;

    /** Chunks of an unknown kind at the start of a {@code req-newer-kinds} answer. */
    public static final int NEWER_KINDS = 5;

    /** Tokens of {@code req-flood} answers handed to gRPC so far. */
    public final AtomicLong floodSent = new AtomicLong();

    public final AtomicReference<StreamAnswerRequest> lastStream = new AtomicReference<>();
    /** Every StreamAnswer request, in order. */
    public final List<StreamAnswerRequest> streams = new CopyOnWriteArrayList<>();
    public final AtomicReference<ListSessionsRequest> lastList = new AtomicReference<>();
    public final AtomicReference<GetSessionMessagesRequest> lastMessages = new AtomicReference<>();
    public final AtomicReference<SearchMessagesRequest> lastSearch = new AtomicReference<>();
    /** Counts down when the gateway cancels a never-ending stream. */
    public volatile CountDownLatch cancelled = new CountDownLatch(1);
    /** ListModels calls received. */
    public final AtomicInteger modelReads = new AtomicInteger();
    /** While set, a ListModels call waits for its release (30 s at most); one its caller gave up on meanwhile gets no answer. */
    public volatile CountDownLatch holdModels;

    @Override
    public void streamAnswer(StreamAnswerRequest request, StreamObserver<AnswerChunk> out) {
        lastStream.set(request);
        streams.add(request);
        String id = request.getRequestId();
        if (id.startsWith("req-unknown")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND, "no such request"));
            return;
        }
        if (id.startsWith("req-late") && request.getSkipOwnershipWait()) {
            // Accepted, but its PromptSubmitted is not projected yet: known only to a caller that waits for it.
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND, "no such request"));
            return;
        }
        if (id.startsWith("req-endless")) {
            // Heartbeats keep writing, as the real service does, so the gateway notices a reader that left.
            ScheduledFuture<?> beat = TIMER.scheduleAtFixedRate(() -> out.onNext(
                    AnswerChunk.newBuilder().setKind("heartbeat").setSeq(1).build()), 100, 100, TimeUnit.MILLISECONDS);
            ((ServerCallStreamObserver<AnswerChunk>) out).setOnCancelHandler(() -> {
                beat.cancel(false);
                cancelled.countDown();
            });
            out.onNext(token(1, "still "));
            return;
        }
        if (id.startsWith("req-flood")) {
            // A long answer produced much faster than a slow reader takes it: 1 KB tokens, as fast as gRPC
            // flow control lets them go (like a resume replaying a long stored answer).
            ServerCallStreamObserver<AnswerChunk> call = (ServerCallStreamObserver<AnswerChunk>) out;
            call.setOnCancelHandler(() -> cancelled.countDown());
            String text = "x".repeat(8000);
            AtomicLong next = new AtomicLong(request.getAfterSeq() + 1);
            call.setOnReadyHandler(() -> {
                while (call.isReady() && !call.isCancelled()) {
                    long seq = next.getAndIncrement();
                    if (seq <= FLOOD_TOKENS) {
                        out.onNext(token(seq, text));
                        floodSent.incrementAndGet();
                    } else {
                        if (seq == FLOOD_TOKENS + 1) {
                            out.onNext(AnswerChunk.newBuilder().setKind("done").setSeq(seq).setIsFinal(true)
                                    .setStatus("completed").build());
                            out.onCompleted();
                        }
                        return;
                    }
                }
            });
            return;
        }
        if (id.startsWith("req-silent")) {
            // Says nothing for a while (no headers, no heartbeat), then answers: a connected but quiet stream.
            TIMER.schedule(() -> {
                out.onNext(token(1, "late"));
                out.onNext(AnswerChunk.newBuilder().setKind("done").setSeq(2).setIsFinal(true).setStatus("completed").build());
                out.onCompleted();
            }, 2500, TimeUnit.MILLISECONDS);
            return;
        }
        if (id.startsWith("req-handover")) {
            // Like every instance reading the answer from Redis: the same tokens from any seq. A call from before
            // HANDOVER_AT stops there and stays open (the test then stops this instance); a later one completes.
            long last = request.getAfterSeq() < HANDOVER_AT ? HANDOVER_AT : HANDOVER_TOKENS;
            for (long seq = request.getAfterSeq() + 1; seq <= last; seq++) {
                out.onNext(token(seq, "t" + seq + " "));
            }
            if (last == HANDOVER_TOKENS) {
                out.onNext(AnswerChunk.newBuilder().setKind("done").setSeq(last + 1).setIsFinal(true).setStatus("completed").build());
                out.onCompleted();
            }
            return;
        }
        if (id.startsWith("req-thinking")) {
            // A prompt sent with thinking: reasoning first (voided by a retry), then the answer; the same from any seq.
            List<AnswerChunk> answer = List.of(thinking(1, "Hm, "),
                    AnswerChunk.newBuilder().setKind("reset").setSeq(2).setAttempt(2).build(),
                    thinking(3, "The user greets: 你好."), thinking(4, " Answer <b>kindly</b>.\n"), token(5, "Hello"),
                    AnswerChunk.newBuilder().setKind("done").setSeq(6).setIsFinal(true).setStatus("completed")
                            .setFinishReason("stop").setUsage(Usage.newBuilder().setInputTokens(9).setOutputTokens(4)).build());
            answer.stream().filter(c -> c.getSeq() > request.getAfterSeq()).forEach(out::onNext);
            out.onCompleted();
            return;
        }
        if (id.startsWith("req-newer-kinds")) {
            // A newer query service: NEWER_KINDS chunks of a kind this gateway does not know, then a token and done.
            for (long seq = 1; seq <= NEWER_KINDS; seq++) {
                out.onNext(AnswerChunk.newBuilder().setKind("not-known-here").setSeq(seq).setToken("?").build());
            }
            out.onNext(token(NEWER_KINDS + 1, "after"));
            out.onNext(AnswerChunk.newBuilder().setKind("done").setSeq(NEWER_KINDS + 2).setIsFinal(true).setStatus("completed").build());
            out.onCompleted();
            return;
        }
        if (id.startsWith("req-crumbling")) {
            // An instance that loses its store mid-answer, on every call: up to two tokens, then UNAVAILABLE.
            for (long seq = request.getAfterSeq() + 1; seq <= 2; seq++) {
                out.onNext(token(seq, "t" + seq));
            }
            out.onError(ErrorCodes.grpcError(Status.Code.UNAVAILABLE, ErrorCodes.DEPENDENCY_UNAVAILABLE, "store down"));
            return;
        }
        long seq = request.getAfterSeq();
        out.onNext(AnswerChunk.newBuilder().setKind("heartbeat").setSeq(seq).build());
        if (seq < 1) {
            out.onNext(token(++seq, "Hel"));
            out.onNext(AnswerChunk.newBuilder().setKind("reset").setSeq(++seq).setAttempt(2).build());
        }
        out.onNext(token(++seq, "Hello"));
        out.onNext(token(++seq, ", <b>wörld</b> 你好\n"));
        out.onNext(AnswerChunk.newBuilder().setKind("done").setSeq(++seq).setIsFinal(true).setStatus("completed")
                .setFinishReason("stop").setUsage(Usage.newBuilder().setInputTokens(7).setOutputTokens(3)).build());
        out.onCompleted();
    }

    private static AnswerChunk token(long seq, String text) {
        return AnswerChunk.newBuilder().setKind("token").setSeq(seq).setToken(text).setAttempt(1).build();
    }

    /** The proto carries a piece of reasoning in the token field. */
    private static AnswerChunk thinking(long seq, String text) {
        return AnswerChunk.newBuilder().setKind("thinking").setSeq(seq).setToken(text).setAttempt(1).build();
    }

    @Override
    public void listSessions(ListSessionsRequest request, StreamObserver<ListSessionsResponse> out) {
        lastList.set(request);
        if (request.getPage().equals("bad-cursor")) {
            out.onError(ErrorCodes.grpcError(Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_CURSOR, "cursor is not valid"));
            return;
        }
        out.onNext(ListSessionsResponse.newBuilder()
                .addSessions(SessionView.newBuilder().setSessionId("sess-newest-01").setTitle("Newest")
                        .setUpdatedAt(T1).setCreatedAt(T1).setMessageCount(4))
                .addSessions(SessionView.newBuilder().setSessionId("sess-older-001").setTitle("Older ü 你好")
                        .setUpdatedAt(T1).setCreatedAt(T1).setMessageCount(2))
                .setNextCursor("c2")
                .build());
        out.onCompleted();
    }

    /** Two models: the default one thinks on request, the other always. */
    @Override
    public void listModels(ListModelsRequest request, StreamObserver<ListModelsResponse> out) {
        modelReads.incrementAndGet();
        CountDownLatch hold = holdModels;
        if (hold != null) {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (io.grpc.Context.current().isCancelled()) {
                return;
            }
        }
        out.onNext(ListModelsResponse.newBuilder()
                .addModels(ModelInfo.newBuilder().setId("qwen-plus").setDisplayName("Qwen-Plus").setThinking("optional")
                        .setContextTokens(131072))
                .addModels(ModelInfo.newBuilder().setId("qwq-plus").setDisplayName("QwQ-Plus").setThinking("always"))
                .setDefaultModel("qwen-plus").build());
        out.onCompleted();
    }

    @Override
    public void searchMessages(SearchMessagesRequest request, StreamObserver<SearchMessagesResponse> out) {
        lastSearch.set(request);
        if (request.getPage().equals("bad-cursor")) {
            out.onError(ErrorCodes.grpcError(Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_CURSOR, "cursor is not valid"));
            return;
        }
        if (request.getQuery().codePointCount(0, request.getQuery().length()) > 100) {
            out.onError(ErrorCodes.grpcError(Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_QUERY, "query is too long"));
            return;
        }
        out.onNext(SearchMessagesResponse.newBuilder()
                .addHits(SearchHit.newBuilder().setSessionId("sess-newest-01").setSessionTitle("Newest")
                        .setRequestId("req-first-0001").setRole("assistant").setTurn(1)
                        .setSnippet("…weather in 北京 is " + request.getQuery() + "…").setCreatedAt(T1))
                .setNextCursor("h2")
                .build());
        out.onCompleted();
    }

    @Override
    public void getSessionMessages(GetSessionMessagesRequest request, StreamObserver<GetSessionMessagesResponse> out) {
        lastMessages.set(request);
        if (!request.getSessionId().equals("sess-newest-01")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND, "no such session"));
            return;
        }
        out.onNext(GetSessionMessagesResponse.newBuilder()
                .addMessages(MessageView.newBuilder().setRequestId("req-first-0001").setRole("user").setContent("Hi")
                        .setStatus("submitted").setCreatedAt(T1).setTurn(1))
                .addMessages(MessageView.newBuilder().setRequestId("req-first-0001").setRole("assistant").setContent("Hello")
                        .setStatus("completed").setCreatedAt(T1).setTurn(1).setFinishReason("stop")
                        .setUsage(Usage.newBuilder().setInputTokens(5).setOutputTokens(1))
                        .setReasoning("A greeting: answer in kind.").setModel("qwen-plus"))
                .build());
        out.onCompleted();
    }
}
