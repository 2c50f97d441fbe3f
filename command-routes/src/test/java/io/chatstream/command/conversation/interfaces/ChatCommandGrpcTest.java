package io.chatstream.command.conversation.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.command.conversation.application.CancellingPrompt;
import io.chatstream.command.conversation.application.CheckingPromptStatus;
import io.chatstream.command.conversation.application.CommandError;
import io.chatstream.command.conversation.application.DeleteOutcome;
import io.chatstream.command.conversation.application.DeletingSession;
import io.chatstream.command.conversation.application.PinningSession;
import io.chatstream.command.conversation.application.RenamingSession;
import io.chatstream.command.conversation.application.SelectingVersion;
import io.chatstream.command.conversation.application.SubmitOutcome;
import io.chatstream.command.conversation.application.SubmittingPrompt;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.DeleteSessionResponse;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The command's gRPC adapter: one use case per method, its outcome sent on the call's observer. */
@DisplayName("ChatCommandGrpc")
class ChatCommandGrpcTest {

    private final SubmittingPrompt submitting = mock(SubmittingPrompt.class);
    private final DeletingSession deleting = mock(DeletingSession.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ChatCommandGrpc grpc = new ChatCommandGrpc(submitting, mock(CancellingPrompt.class),
            mock(RenamingSession.class), mock(PinningSession.class), deleting, mock(CheckingPromptStatus.class),
            mock(SelectingVersion.class), meters);

    @Test
    @DisplayName("an accepted prompt is the response, then the end of the call")
    @SuppressWarnings("unchecked")
    void accepted() {
        RequestId requestId = RequestId.generate();
        SessionId sessionId = SessionId.generate();
        when(submitting.submit(any())).thenReturn(
                new SubmitOutcome.Accepted(requestId, sessionId, Instant.parse("2026-12-06T10:00:00Z"), 3));
        StreamObserver<SubmitPromptResponse> observer = mock(StreamObserver.class);

        grpc.submitPrompt(SubmitPromptRequest.newBuilder().setUserId("alice").setPrompt("hi").build(), observer);

        ArgumentCaptor<SubmitPromptResponse> response = ArgumentCaptor.forClass(SubmitPromptResponse.class);
        verify(observer).onNext(response.capture());
        verify(observer).onCompleted();
        verifyNoMoreInteractions(observer);
        assertThat(response.getValue().getRequestId()).isEqualTo(requestId.value());
        assertThat(response.getValue().getSessionId()).isEqualTo(sessionId.value());
        assertThat(response.getValue().getTurn()).isEqualTo(3);
        assertThat(meters.counter("chat.command.submits", "outcome", "accepted").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a rejection is its status and chat-error-code trailer, never a response")
    @SuppressWarnings("unchecked")
    void rejected() {
        when(submitting.submit(any())).thenReturn(new SubmitOutcome.Rejected(CommandError.SESSION_BUSY));
        StreamObserver<SubmitPromptResponse> observer = mock(StreamObserver.class);

        grpc.submitPrompt(SubmitPromptRequest.newBuilder().setUserId("alice").setPrompt("hi").build(), observer);

        StatusRuntimeException error = error(observer);
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(ErrorCodes.codeOf(error)).isEqualTo(ErrorCodes.SESSION_BUSY);
        assertThat(meters.counter("chat.command.submits", "outcome", "SESSION_BUSY").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("a database outage is UNAVAILABLE with DEPENDENCY_UNAVAILABLE")
    @SuppressWarnings("unchecked")
    void databaseDown() {
        when(deleting.delete(any())).thenThrow(new CannotGetJdbcConnectionException("down-in-test"));
        StreamObserver<DeleteSessionResponse> observer = mock(StreamObserver.class);

        grpc.deleteSession(DeleteSessionRequest.newBuilder().setUserId("alice").setSessionId("s").build(), observer);

        StatusRuntimeException error = error(observer);
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ErrorCodes.codeOf(error)).isEqualTo(ErrorCodes.DEPENDENCY_UNAVAILABLE);
    }

    @Test
    @DisplayName("a session that is not the caller's is NOT_FOUND SESSION_NOT_FOUND")
    @SuppressWarnings("unchecked")
    void notFound() {
        when(deleting.delete(any())).thenReturn(new DeleteOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
        StreamObserver<DeleteSessionResponse> observer = mock(StreamObserver.class);

        grpc.deleteSession(DeleteSessionRequest.newBuilder().setUserId("alice").setSessionId("s").build(), observer);

        StatusRuntimeException error = error(observer);
        assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ErrorCodes.codeOf(error)).isEqualTo(ErrorCodes.SESSION_NOT_FOUND);
    }

    private static StatusRuntimeException error(StreamObserver<?> observer) {
        ArgumentCaptor<Throwable> error = ArgumentCaptor.forClass(Throwable.class);
        verify(observer).onError(error.capture());
        verifyNoMoreInteractions(observer);
        assertThat(error.getValue()).isInstanceOf(StatusRuntimeException.class);
        return (StatusRuntimeException) error.getValue();
    }
}
