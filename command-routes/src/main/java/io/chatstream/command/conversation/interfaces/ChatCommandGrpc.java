package io.chatstream.command.conversation.interfaces;

import com.google.protobuf.Timestamp;
import io.chatstream.command.conversation.application.CancelOutcome;
import io.chatstream.command.conversation.application.CancelPrompt;
import io.chatstream.command.conversation.application.CancellingPrompt;
import io.chatstream.command.conversation.application.CheckingPromptStatus;
import io.chatstream.command.conversation.application.DeleteOutcome;
import io.chatstream.command.conversation.application.DeleteSession;
import io.chatstream.command.conversation.application.DeletingSession;
import io.chatstream.command.conversation.application.GetPromptStatus;
import io.chatstream.command.conversation.application.PromptStatus;
import io.chatstream.command.conversation.application.PinOutcome;
import io.chatstream.command.conversation.application.PinSession;
import io.chatstream.command.conversation.application.PinningSession;
import io.chatstream.command.conversation.application.RenameOutcome;
import io.chatstream.command.conversation.application.RenameSession;
import io.chatstream.command.conversation.application.RenamingSession;
import io.chatstream.command.conversation.application.SelectOutcome;
import io.chatstream.command.conversation.application.SelectVersion;
import io.chatstream.command.conversation.application.SelectingVersion;
import io.chatstream.command.conversation.application.SubmitOutcome;
import io.chatstream.command.conversation.application.SubmitPrompt;
import io.chatstream.command.conversation.application.SubmittingPrompt;
import io.chatstream.command.conversation.domain.AnswerOptions;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.CancelPromptResponse;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.DeleteSessionResponse;
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
import io.chatstream.support.grpc.GrpcReplies;
import io.chatstream.support.grpc.GrpcReply;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ChatCommandService methods, called by the gRPC routes with the request and the call's observer: proto in,
 * one use case, and its outcome as a {@link GrpcReply} (the response, or a rejection as a refusal value), which
 * {@link GrpcReplies} sends; a fault is sent there too, so every call ends with the status the gateway maps.
 */
@Component("chatCommandGrpc")
public class ChatCommandGrpc {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCommandGrpc.class);

    private final SubmittingPrompt submitting;
    private final CancellingPrompt cancelling;
    private final RenamingSession renaming;
    private final PinningSession pinning;
    private final DeletingSession deleting;
    private final CheckingPromptStatus checking;
    private final SelectingVersion selecting;
    private final MeterRegistry meters;

    public ChatCommandGrpc(SubmittingPrompt submitting, CancellingPrompt cancelling, RenamingSession renaming,
            PinningSession pinning, DeletingSession deleting, CheckingPromptStatus checking,
            SelectingVersion selecting, MeterRegistry meters) {
        this.submitting = submitting;
        this.cancelling = cancelling;
        this.renaming = renaming;
        this.pinning = pinning;
        this.deleting = deleting;
        this.checking = checking;
        this.selecting = selecting;
        this.meters = meters;
    }

    public void submitPrompt(SubmitPromptRequest request, StreamObserver<?> observer) {
        GrpcReplies.<SubmitPromptResponse>send(observer, "SubmitPrompt", () -> {
            SubmitOutcome outcome = submitting.submit(new SubmitPrompt(request.getUserId(), request.getSessionId(),
                    request.getPrompt(), request.getRequestId(), request.getTraceId(),
                    new AnswerOptions(request.getModel(), request.getThinking()), request.getVersionOf()));
            if (outcome instanceof SubmitOutcome.Rejected rejected) {
                count("chat.command.submits", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            count("chat.command.submits", "accepted");
            SubmitOutcome.Accepted accepted = (SubmitOutcome.Accepted) outcome;
            LOG.info("prompt {} accepted: session {} turn {}{}, PromptSubmitted queued in the outbox",
                    accepted.requestId().value(), accepted.sessionId().value(), accepted.turn(),
                    request.getVersionOf().isEmpty() ? "" : " (a new version of " + request.getVersionOf() + ")");
            return GrpcReply.answer(SubmitPromptResponse.newBuilder()
                    .setRequestId(accepted.requestId().value())
                    .setSessionId(accepted.sessionId().value())
                    .setAcceptedAt(timestamp(accepted.acceptedAt()))
                    .setStatus("accepted")
                    .setTurn(accepted.turn())
                    .build());
        });
    }

    /** Outcomes by kind (accepted or the rejection code) for dashboards; never ids or text. */
    private void count(String name, String outcome) {
        meters.counter(name, "outcome", outcome).increment();
    }

    public void selectVersion(SelectVersionRequest request, StreamObserver<?> observer) {
        GrpcReplies.<SelectVersionResponse>send(observer, "SelectVersion", () -> {
            SelectOutcome outcome = selecting.select(
                    new SelectVersion(request.getUserId(), request.getRequestId(), request.getTraceId()));
            if (outcome instanceof SelectOutcome.Rejected rejected) {
                count("chat.command.version-selects", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            SelectOutcome.Shown shown = (SelectOutcome.Shown) outcome;
            count("chat.command.version-selects", "shown");
            LOG.info("version {} shown in session {}",
                    shown.head().value(), shown.sessionId().value());
            return GrpcReply.answer(SelectVersionResponse.newBuilder()
                    .setSessionId(shown.sessionId().value())
                    .setHeadRequestId(shown.head().value())
                    .build());
        });
    }

    public void cancelPrompt(CancelPromptRequest request, StreamObserver<?> observer) {
        GrpcReplies.<CancelPromptResponse>send(observer, "CancelPrompt", () -> {
            CancelOutcome outcome = cancelling.cancel(
                    new CancelPrompt(request.getUserId(), request.getRequestId(), request.getTraceId()));
            if (outcome instanceof CancelOutcome.Rejected rejected) {
                count("chat.command.cancels", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            String status = outcome instanceof CancelOutcome.Cancelling ? "cancelling" : "finished";
            count("chat.command.cancels", status);
            LOG.info("prompt {} cancel asked: {}", request.getRequestId(), status);
            return GrpcReply.answer(CancelPromptResponse.newBuilder().setRequestId(request.getRequestId()).setStatus(status).build());
        });
    }

    public void renameSession(RenameSessionRequest request, StreamObserver<?> observer) {
        GrpcReplies.<RenameSessionResponse>send(observer, "RenameSession", () -> {
            RenameOutcome outcome = renaming.rename(new RenameSession(request.getUserId(), request.getSessionId(),
                    request.getTitle(), request.getTraceId()));
            if (outcome instanceof RenameOutcome.Rejected rejected) {
                count("chat.command.renames", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            RenameOutcome.Renamed renamed = (RenameOutcome.Renamed) outcome;
            count("chat.command.renames", "renamed");
            // Ids only: a title is the user's text, as a prompt is.
            LOG.info("session {} renamed", renamed.sessionId().value());
            return GrpcReply.answer(RenameSessionResponse.newBuilder()
                    .setSessionId(renamed.sessionId().value())
                    .setTitle(renamed.title().value())
                    .build());
        });
    }

    public void pinSession(PinSessionRequest request, StreamObserver<?> observer) {
        GrpcReplies.<PinSessionResponse>send(observer, "PinSession", () -> {
            PinOutcome outcome = pinning.pin(new PinSession(request.getUserId(), request.getSessionId(),
                    request.getPinned(), request.getTraceId()));
            if (outcome instanceof PinOutcome.Rejected rejected) {
                count("chat.command.pins", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            PinOutcome.Pinned pinned = (PinOutcome.Pinned) outcome;
            count("chat.command.pins", pinned.pinned() ? "pinned" : "unpinned");
            LOG.info("session {} {}", pinned.sessionId().value(),
                    pinned.pinned() ? "pinned" : "unpinned");
            return GrpcReply.answer(PinSessionResponse.newBuilder()
                    .setSessionId(pinned.sessionId().value())
                    .setPinned(pinned.pinned())
                    .build());
        });
    }

    public void deleteSession(DeleteSessionRequest request, StreamObserver<?> observer) {
        GrpcReplies.<DeleteSessionResponse>send(observer, "DeleteSession", () -> {
            DeleteOutcome outcome = deleting.delete(
                    new DeleteSession(request.getUserId(), request.getSessionId(), request.getTraceId()));
            if (outcome instanceof DeleteOutcome.Rejected rejected) {
                count("chat.command.deletes", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            DeleteOutcome.Deleted deleted = (DeleteOutcome.Deleted) outcome;
            count("chat.command.deletes", "deleted");
            LOG.info("session {} deleted", deleted.sessionId().value());
            return GrpcReply.answer(DeleteSessionResponse.newBuilder()
                    .setSessionId(deleted.sessionId().value())
                    .setStatus("deleted")
                    .build());
        });
    }

    public void getPromptStatus(GetPromptStatusRequest request, StreamObserver<?> observer) {
        GrpcReplies.<GetPromptStatusResponse>send(observer, "GetPromptStatus", () -> {
            PromptStatus status = checking.check(
                    new GetPromptStatus(request.getUserId(), request.getRequestId(), request.getTraceId()));
            if (status instanceof PromptStatus.Rejected rejected) {
                count("chat.command.prompt.status", rejected.error().name());
                return GrpcErrors.refusal(rejected.error());
            }
            GetPromptStatusResponse.Builder response = GetPromptStatusResponse.newBuilder()
                    .setRequestId(request.getRequestId());
            if (status instanceof PromptStatus.Accepted accepted) {
                count("chat.command.prompt.status", "accepted");
                response.setAccepted(true).setAcceptedAt(timestamp(accepted.acceptedAt()));
            } else {
                count("chat.command.prompt.status", "not_accepted");
            }
            return GrpcReply.answer(response.build());
        });
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
