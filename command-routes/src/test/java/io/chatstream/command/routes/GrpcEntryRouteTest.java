package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.GRPC_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.SelectVersionRequest;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.grpc.GrpcConstants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * Guards {@code grpc-entry.camel.yaml}: the one ChatCommandService server hands each method (the header
 * {@code CamelGrpcMethodName} carries the Java stub's method name) with the call's observer to its own flow route,
 * ends a method it does not route with UNIMPLEMENTED, and keeps the service path, the route-controlled observer
 * and {@code synchronous=true}: the same shape as the query service's {@code query-grpc}.
 */
@DisplayName("Route command-grpc-entry")
class GrpcEntryRouteTest extends CommandRouteTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                arguments("submitPrompt", "direct:submit-prompt", SubmitPromptRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.submitPrompt(SubmitPromptRequest.getDefaultInstance(), observer)),
                arguments("cancelPrompt", "direct:cancel-prompt", CancelPromptRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.cancelPrompt(CancelPromptRequest.getDefaultInstance(), observer)),
                arguments("renameSession", "direct:rename-session", RenameSessionRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.renameSession(RenameSessionRequest.getDefaultInstance(), observer)),
                arguments("pinSession", "direct:pin-session", PinSessionRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.pinSession(PinSessionRequest.getDefaultInstance(), observer)),
                arguments("selectVersion", "direct:select-version", SelectVersionRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.selectVersion(SelectVersionRequest.getDefaultInstance(), observer)),
                arguments("deleteSession", "direct:delete-session", DeleteSessionRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.deleteSession(DeleteSessionRequest.getDefaultInstance(), observer)),
                arguments("getPromptStatus", "direct:get-prompt-status", GetPromptStatusRequest.getDefaultInstance(),
                        (Caller) (grpc, observer) -> grpc.getPromptStatus(GetPromptStatusRequest.getDefaultInstance(), observer)));
    }

    /** The flow's ChatCommandGrpc method, as the mock should have seen it. */
    interface Caller {
        void call(ChatCommandGrpc grpc, StreamObserver<?> observer);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("methods")
    @DisplayName("hands each method, with the call's observer, to its flow route and nothing else")
    void dispatches(String method, String flow, Object request, Caller expectedCall) {
        StreamObserver<?> observer = Mockito.mock(StreamObserver.class);
        NotifyBuilder handedOver = new NotifyBuilder(camel).fromRoute("command-grpc-entry").wereSentTo(flow)
                .whenCompleted(1).create();

        Exchange exchange = call(method, request, observer);

        assertThat(exchange.getException()).isNull();
        assertThat(handedOver.matches(5, TimeUnit.SECONDS)).as("handed to " + flow).isTrue();
        expectedCall.call(verify(chatCommandGrpc), observer);
        verifyNoMoreInteractions(chatCommandGrpc);
    }

    @Test
    @DisplayName("ends a method it does not route with UNIMPLEMENTED on the call's observer, without calling any flow")
    void unroutedMethod() {
        StreamObserver<?> observer = Mockito.mock(StreamObserver.class);

        Exchange exchange = call("streamAnswer", SubmitPromptRequest.getDefaultInstance(), observer);

        assertThat(exchange.getException()).isNull();
        ArgumentCaptor<Throwable> error = ArgumentCaptor.forClass(Throwable.class);
        verify(observer).onError(error.capture());
        assertThat(Status.fromThrowable(error.getValue()).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(error.getValue()).hasMessageContaining("streamAnswer");
        verifyNoInteractions(chatCommandGrpc);
    }

    @Test
    @DisplayName("serves the ChatCommandService path on the configured host and port, synchronously")
    void server() {
        assertThat(InfrastructureAdvice.shippedInput("command-grpc-entry"))
                .startsWith("grpc://" + property("chat.grpc.host") + ":" + property("chat.grpc.port")
                        + "/io.chatstream.proto.v1.ChatCommandService?")
                .contains("routeControlledStreamObserver=true")
                .contains("synchronous=true")
                .contains("maxConcurrentCallsPerConnection=" + property("chat.grpc.max-concurrent-calls-per-connection"));
    }

    private Exchange call(String method, Object request, StreamObserver<?> observer) {
        return producer.send(GRPC_CALL, e -> {
            e.getMessage().setHeader(GrpcConstants.GRPC_METHOD_NAME_HEADER, method);
            e.getMessage().setBody(request);
            e.setProperty(GrpcConstants.GRPC_RESPONSE_OBSERVER, observer);
        });
    }
}
