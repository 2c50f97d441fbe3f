package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.backend.application.PromptStatus;
import io.chatstream.gateway.backend.application.SessionPinned;
import io.chatstream.gateway.backend.application.SessionRenamed;
import io.chatstream.gateway.backend.application.StopRequested;
import io.chatstream.gateway.backend.application.VersionShown;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.CancelPromptResponse;
import io.chatstream.proto.v1.ChatCommandServiceGrpc.ChatCommandServiceBlockingStub;
import io.chatstream.proto.v1.ChatCommandServiceGrpc.ChatCommandServiceStub;
import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.GetPromptStatusResponse;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.PinSessionResponse;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.RenameSessionResponse;
import io.chatstream.proto.v1.SelectVersionRequest;
import io.chatstream.proto.v1.SelectVersionResponse;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command service over gRPC; every call carries a deadline and the caller's metadata. */
public class GrpcChatCommands implements ChatCommands {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcChatCommands.class);

    private static final String SERVICE = "command";

    /**
     * Calls the channel repeats (on another instance) when an instance is down or stops mid-call: each is
     * idempotent in the command service. SubmitPrompt: a repeated request_id returns the first answer and
     * submits nothing new (which is why {@link #submit} always sends one). CancelPrompt: asking again
     * answers the same and at most announces the cancel once more; stopping a stopping answer changes
     * nothing. RenameSession: the same title again. PinSession: the same flag again changes and announces
     * nothing. DeleteSession: deleting a deleted session answers
     * "deleted" and announces nothing. GetPromptStatus: a read.
     */
    static final List<MethodDescriptor<?, ?>> SAFE_TO_REPEAT = List.of(ChatCommandServiceGrpc.getSubmitPromptMethod(),
            ChatCommandServiceGrpc.getCancelPromptMethod(), ChatCommandServiceGrpc.getRenameSessionMethod(),
            ChatCommandServiceGrpc.getPinSessionMethod(), ChatCommandServiceGrpc.getDeleteSessionMethod(),
            ChatCommandServiceGrpc.getGetPromptStatusMethod());

    private final Channel channel;
    private final ChatCommandServiceBlockingStub stub;
    private final ChatCommandServiceStub asyncStub;
    private final Duration deadline;

    public GrpcChatCommands(Channel channel, Duration deadline) {
        this.channel = channel;
        this.stub = ChatCommandServiceGrpc.newBlockingStub(channel);
        this.asyncStub = ChatCommandServiceGrpc.newStub(channel);
        this.deadline = deadline;
    }

    @Override
    public Outcome<PromptAccepted> submit(Caller caller, Optional<SessionId> session, String prompt, Optional<RequestId> request,
            String model, boolean thinking) {
        return submit(caller, submitCall(caller, prompt, request, model, thinking)
                .setSessionId(session.map(SessionId::value).orElse("")).build());
    }

    @Override
    public Outcome<PromptAccepted> submitVersion(Caller caller, Optional<SessionId> session, RequestId versionOf,
            String prompt, Optional<RequestId> request, String model, boolean thinking) {
        return submit(caller, submitCall(caller, prompt == null ? "" : prompt, request, model, thinking)
                .setSessionId(session.map(SessionId::value).orElse("")).setVersionOf(versionOf.value()).build());
    }

    private static SubmitPromptRequest.Builder submitCall(Caller caller, String prompt, Optional<RequestId> request,
            String model, boolean thinking) {
        // Chosen here when the client chose none (the command service would choose the same kind): every
        // attempt of a retried call then carries the same idempotency key, so a prompt is submitted once.
        RequestId requestId = request.orElseGet(RequestId::generate);
        return SubmitPromptRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setRequestId(requestId.value())
                .setPrompt(prompt)
                .setModel(model == null ? "" : model)
                .setThinking(thinking);
    }

    private Outcome<PromptAccepted> submit(Caller caller, SubmitPromptRequest call) {
        try {
            SubmitPromptResponse r = stub(caller).submitPrompt(call);
            // Ids only (never the prompt): the first line of a request's path in the logs (docs/observability.md).
            LOG.info("prompt {} accepted by command: session {} turn {}", r.getRequestId(), r.getSessionId(), r.getTurn());
            return Outcome.done(new PromptAccepted(r.getRequestId(), r.getSessionId(),
                    ProtoViews.instant(r.hasAcceptedAt(), r.getAcceptedAt()), r.getStatus(), r.getTurn()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<VersionShown> selectVersion(Caller caller, RequestId version) {
        SelectVersionRequest call = SelectVersionRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setRequestId(version.value())
                .build();
        try {
            SelectVersionResponse r = stub(caller).selectVersion(call);
            LOG.info("version {} shown: session {} now ends at {}", version.value(), r.getSessionId(),
                    r.getHeadRequestId());
            return Outcome.done(new VersionShown(r.getSessionId(), r.getHeadRequestId()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<StopRequested> cancel(Caller caller, RequestId request) {
        CancelPromptRequest call = CancelPromptRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setRequestId(request.value())
                .build();
        try {
            CancelPromptResponse r = stub(caller).cancelPrompt(call);
            return Outcome.done(new StopRequested(r.getRequestId(), r.getStatus()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<SessionRenamed> rename(Caller caller, SessionId session, String title) {
        RenameSessionRequest call = RenameSessionRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setSessionId(session.value())
                .setTitle(title)
                .build();
        try {
            RenameSessionResponse r = stub(caller).renameSession(call);
            return Outcome.done(new SessionRenamed(r.getSessionId(), r.getTitle()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<SessionPinned> pin(Caller caller, SessionId session, boolean pinned) {
        PinSessionRequest call = PinSessionRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setSessionId(session.value())
                .setPinned(pinned)
                .build();
        try {
            PinSessionResponse r = stub(caller).pinSession(call);
            return Outcome.done(new SessionPinned(r.getSessionId(), r.getPinned()));
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public Outcome<SessionId> delete(Caller caller, SessionId session) {
        DeleteSessionRequest call = DeleteSessionRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setSessionId(session.value())
                .build();
        try {
            stub(caller).deleteSession(call);
            return Outcome.done(session);
        } catch (StatusRuntimeException e) {
            return new Outcome.Rejected<>(GrpcFailures.of(e, SERVICE));
        }
    }

    @Override
    public CompletionStage<Outcome<PromptStatus>> promptStatus(Caller caller, RequestId request) {
        GetPromptStatusRequest call = GetPromptStatusRequest.newBuilder()
                .setUserId(caller.user().value())
                .setTraceId(caller.trace().value())
                .setRequestId(request.value())
                .build();
        CompletableFuture<Outcome<PromptStatus>> result = new CompletableFuture<>();
        // Same deadline and wait-for-ready as the blocking calls, but nothing waits: the caller is a stream's callback.
        Reconnect.ifNotReady(channel);
        CallerMetadata.attach(asyncStub, caller)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withWaitForReady()
                .getPromptStatus(call, new StreamObserver<>() {
                    @Override
                    public void onNext(GetPromptStatusResponse r) {
                        result.complete(Outcome.done(new PromptStatus(r.getAccepted())));
                    }

                    @Override
                    public void onError(Throwable failure) {
                        result.complete(new Outcome.Rejected<>(GrpcFailures.of(failure, SERVICE)));
                    }

                    @Override
                    public void onCompleted() {
                        // A unary call without a response cannot happen; should it, the status stays unknown.
                        result.complete(Outcome.rejected(GatewayCodes.INTERNAL, "no answer"));
                    }
                });
        return result;
    }

    /**
     * Unary calls wait, within their deadline, for the channel to (re)connect instead of failing at
     * once while grpc-java backs off after the service was down or restarting; an unreachable
     * service still ends as DEADLINE_EXCEEDED, which the gateway answers with 503.
     */
    private ChatCommandServiceBlockingStub stub(Caller caller) {
        Reconnect.ifNotReady(channel);
        return CallerMetadata.attach(stub, caller)
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withWaitForReady();
    }
}
