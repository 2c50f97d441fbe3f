package io.chatstream.gateway.fakes;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.CancelPromptResponse;
import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.DeleteSessionResponse;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.GetPromptStatusResponse;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.PinSessionResponse;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.RenameSessionResponse;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Canned command service: the prompt text chooses the answer, so tests need no shared setup. */
public final class FakeCommandService extends ChatCommandServiceGrpc.ChatCommandServiceImplBase {

    public final AtomicReference<SubmitPromptRequest> lastSubmit = new AtomicReference<>();
    public final AtomicReference<CancelPromptRequest> lastCancel = new AtomicReference<>();
    public final AtomicReference<RenameSessionRequest> lastRename = new AtomicReference<>();
    public final AtomicReference<PinSessionRequest> lastPin = new AtomicReference<>();
    public final AtomicReference<DeleteSessionRequest> lastDelete = new AtomicReference<>();
    public final AtomicReference<GetPromptStatusRequest> lastStatus = new AtomicReference<>();
    /** Every submit this instance received, in order. */
    public final List<SubmitPromptRequest> submits = new CopyOnWriteArrayList<>();
    /** While true, the next submit is received but never answered (a call in flight when the instance stops). */
    public final AtomicBoolean holdNextSubmit = new AtomicBoolean();

    @Override
    public void submitPrompt(SubmitPromptRequest request, StreamObserver<SubmitPromptResponse> out) {
        lastSubmit.set(request);
        submits.add(request);
        if (holdNextSubmit.getAndSet(false)) {
            return;
        }
        switch (request.getPrompt()) {
            case "busy" -> out.onError(ErrorCodes.grpcError(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY,
                    "the session is still answering"));
            case "huge" -> out.onError(ErrorCodes.grpcError(Status.Code.INVALID_ARGUMENT, ErrorCodes.PROMPT_TOO_LARGE,
                    "prompt is too large"));
            case "over budget" -> out.onError(ErrorCodes.grpcError(Status.Code.RESOURCE_EXHAUSTED,
                    ErrorCodes.QUOTA_EXCEEDED, "today's token budget is used up; it renews at 00:00 UTC"));
            case "too many sessions" -> out.onError(ErrorCodes.grpcError(Status.Code.FAILED_PRECONDITION,
                    ErrorCodes.SESSION_LIMIT_REACHED, "delete some conversations to start a new one"));
            case "archived" -> out.onError(ErrorCodes.grpcError(Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_ARCHIVED,
                    "the session is archived"));
            case "not yours" -> out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND,
                    "no such session"));
            case "slow" -> {
                // Never answers: the gateway's deadline must fire.
            }
            case "crash" -> out.onError(Status.INTERNAL.withDescription("NullPointerException at Foo.java:12").asRuntimeException());
            default -> {
                out.onNext(SubmitPromptResponse.newBuilder()
                        .setRequestId(request.getRequestId().isEmpty() ? "req-assigned-0001" : request.getRequestId())
                        .setSessionId(request.getSessionId().isEmpty() ? "sess-new-000001" : request.getSessionId())
                        .setAcceptedAt(Timestamp.newBuilder().setSeconds(1_767_225_600L).build())
                        .setStatus("accepted")
                        .setTurn(1)
                        .build());
                out.onCompleted();
            }
        }
    }

    @Override
    public void cancelPrompt(CancelPromptRequest request, StreamObserver<CancelPromptResponse> out) {
        lastCancel.set(request);
        if (request.getRequestId().startsWith("req-unknown")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND, "no such request"));
            return;
        }
        out.onNext(CancelPromptResponse.newBuilder().setRequestId(request.getRequestId()).setStatus("cancelling").build());
        out.onCompleted();
    }

    /** Sessions named "sess-unknown..." do not exist (or belong to someone else); a title "x" * 121 is too long. */
    @Override
    public void renameSession(RenameSessionRequest request, StreamObserver<RenameSessionResponse> out) {
        lastRename.set(request);
        if (request.getSessionId().startsWith("sess-unknown")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND, "no such session"));
            return;
        }
        String title = request.getTitle().strip();
        if (title.length() > 120) {
            out.onError(ErrorCodes.grpcError(Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_TITLE, "title too long"));
            return;
        }
        out.onNext(RenameSessionResponse.newBuilder().setSessionId(request.getSessionId()).setTitle(title).build());
        out.onCompleted();
    }

    /** Sessions named "sess-unknown..." do not exist (or belong to someone else). */
    @Override
    public void pinSession(PinSessionRequest request, StreamObserver<PinSessionResponse> out) {
        lastPin.set(request);
        if (request.getSessionId().startsWith("sess-unknown")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND, "no such session"));
            return;
        }
        out.onNext(PinSessionResponse.newBuilder().setSessionId(request.getSessionId()).setPinned(request.getPinned())
                .build());
        out.onCompleted();
    }

    @Override
    public void deleteSession(DeleteSessionRequest request, StreamObserver<DeleteSessionResponse> out) {
        lastDelete.set(request);
        if (request.getSessionId().startsWith("sess-unknown")) {
            out.onError(ErrorCodes.grpcError(Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND, "no such session"));
            return;
        }
        out.onNext(DeleteSessionResponse.newBuilder().setSessionId(request.getSessionId()).setStatus("deleted").build());
        out.onCompleted();
    }

    /**
     * Requests named "req-late..." were accepted (the fake query service learns of them late); "req-late-down..."
     * finds the command service unavailable; anything else was never accepted.
     */
    @Override
    public void getPromptStatus(GetPromptStatusRequest request, StreamObserver<GetPromptStatusResponse> out) {
        lastStatus.set(request);
        if (request.getRequestId().startsWith("req-late-down")) {
            out.onError(Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
            return;
        }
        GetPromptStatusResponse.Builder response = GetPromptStatusResponse.newBuilder().setRequestId(request.getRequestId());
        if (request.getRequestId().startsWith("req-late")) {
            response.setAccepted(true).setAcceptedAt(Timestamp.newBuilder().setSeconds(1_767_225_600L));
        }
        out.onNext(response.build());
        out.onCompleted();
    }
}
