package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.ModelChoice;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.SearchTerms;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.proto.v1.ChatQueryServiceGrpc.ChatQueryServiceBlockingStub;
import io.chatstream.proto.v1.ChatQueryServiceGrpc.ChatQueryServiceStub;
import io.chatstream.proto.v1.ChatQueryServiceGrpc;
import io.chatstream.proto.v1.ListModelsRequest;
import io.chatstream.proto.v1.ListModelsResponse;
import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.GetSessionMessagesResponse;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.proto.v1.SearchMessagesRequest;
import io.chatstream.proto.v1.SearchMessagesResponse;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The query service over gRPC: unary history calls with a deadline, and the async answer stream. */
public class GrpcChatQueries implements ChatQueries {

    static final String SERVICE = "query";

    /**
     * Reads, repeated on another instance when one is down or stops mid-call. Not StreamAnswer: a stream
     * that broke off is followed again after its last delivered seq by the application (ResumingFollow).
     */
    static final List<MethodDescriptor<?, ?>> SAFE_TO_REPEAT = List.of(ChatQueryServiceGrpc.getListSessionsMethod(),
            ChatQueryServiceGrpc.getGetSessionMessagesMethod(), ChatQueryServiceGrpc.getSearchMessagesMethod());

    /** Only fires the connect deadline of answer streams (microseconds of work each). */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "answer-stream-connect-deadline");
        t.setDaemon(true);
        return t;
    });

    private final Channel channel;
    private final ChatQueryServiceBlockingStub blocking;
    private final ChatQueryServiceStub async;
    private final Duration deadline;
    private final Duration streamMaxDuration;

    /** {@code streamMaxDuration} zero or negative: answer streams have no deadline. */
    public GrpcChatQueries(Channel channel, Duration deadline, Duration streamMaxDuration) {
        this.channel = channel;
        this.blocking = ChatQueryServiceGrpc.newBlockingStub(channel);
        this.async = ChatQueryServiceGrpc.newStub(channel);
        this.deadline = deadline;
        this.streamMaxDuration = streamMaxDuration;
    }

    @Override
    public Outcome<Page<SessionSummary>> sessions(Caller caller, PageRequest page) {
        ListSessionsRequest call = ListSessionsRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setPage(page.cursor())
                .setPageSize(page.pageSize())
                .build();
        try {
            ListSessionsResponse r = blocking(caller).listSessions(call);
            return Outcome.done(new Page<>(r.getSessionsList().stream().map(ProtoViews::session).toList(), r.getNextCursor()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<Page<MessageEntry>> messages(Caller caller, SessionId session, PageRequest page) {
        GetSessionMessagesRequest call = GetSessionMessagesRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setSessionId(session.value())
                .setPage(page.cursor())
                .setPageSize(page.pageSize())
                .build();
        try {
            GetSessionMessagesResponse r = blocking(caller).getSessionMessages(call);
            return Outcome.done(new Page<>(r.getMessagesList().stream().map(ProtoViews::message).toList(), r.getNextCursor()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<Page<SearchHit>> search(Caller caller, SearchTerms terms, PageRequest page) {
        SearchMessagesRequest call = SearchMessagesRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setQuery(terms.text())
                .setPage(page.cursor())
                .setPageSize(page.pageSize())
                .build();
        try {
            SearchMessagesResponse r = blocking(caller).searchMessages(call);
            return Outcome.done(new Page<>(r.getHitsList().stream().map(ProtoViews::hit).toList(), r.getNextCursor()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<ModelChoices> models(Caller caller) {
        try {
            ListModelsResponse r = blocking(caller).listModels(
                    ListModelsRequest.newBuilder().setTraceId(caller.trace().value()).build());
            return Outcome.done(new ModelChoices(r.getModelsList().stream()
                    .map(m -> new ModelChoice(m.getId(), m.getDisplayName(), m.getThinking(), m.getVision(),
                            m.getContextTokens()))
                    .toList(), r.getDefaultModel()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public AnswerSubscription follow(Caller caller, RequestId request, long afterSeq, WhenUnknown whenUnknown,
            AnswerListener listener) {
        StreamAnswerRequest call = StreamAnswerRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setRequestId(request.value())
                .setAfterSeq(afterSeq)
                .setSkipOwnershipWait(whenUnknown == WhenUnknown.REFUSE)
                .build();
        // Like the unary calls: wait (within chat.grpc.deadline) for a query service that is restarting.
        Reconnect.ifNotReady(channel);
        ChatQueryServiceStub stub = CallerMetadata.attach(async, caller).withWaitForReady();
        if (!streamMaxDuration.isZero() && !streamMaxDuration.isNegative()) {
            stub = stub.withDeadlineAfter(streamMaxDuration.toMillis(), TimeUnit.MILLISECONDS);
        }
        AnswerRelay relay = new AnswerRelay(listener);
        stub.streamAnswer(call, relay);
        relay.connectWithin(deadline, TIMER, this::channelReady);
        return new AnswerSubscription() {
            @Override
            public void cancel() {
                relay.cancel();
            }

            @Override
            public void request(int n) {
                relay.request(n);
            }
        };
    }

    private boolean channelReady() {
        return !(channel instanceof ManagedChannel managed) || managed.getState(false) == ConnectivityState.READY;
    }

    /**
     * Unary calls wait, within their deadline, for the channel to (re)connect instead of failing at
     * once while grpc-java backs off after the service was down or restarting; an unreachable
     * service still ends as DEADLINE_EXCEEDED, which the gateway answers with 503.
     */
    private ChatQueryServiceBlockingStub blocking(Caller caller) {
        Reconnect.ifNotReady(channel);
        return CallerMetadata.attach(blocking, caller)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withWaitForReady();
    }
}
