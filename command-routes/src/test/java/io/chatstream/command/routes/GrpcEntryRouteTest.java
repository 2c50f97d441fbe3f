package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.GRPC_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.PinSessionRequest;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards {@code grpc-entry.camel.yaml}: the one ChatCommandService server hands each method (the header
 * {@code CamelGrpcMethodName} carries the Java stub's method name) to its own flow route, refuses a method
 * it does not route, keeps the service path and {@code synchronous=true}, and lets a rejection reach the
 * client unchanged.
 */
@DisplayName("Route command-grpc-entry")
class GrpcEntryRouteTest extends CommandRouteTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                arguments("submitPrompt", "direct:submit-prompt", SubmitPromptRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.submitPrompt(SubmitPromptRequest.getDefaultInstance())),
                arguments("cancelPrompt", "direct:cancel-prompt", CancelPromptRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.cancelPrompt(CancelPromptRequest.getDefaultInstance())),
                arguments("renameSession", "direct:rename-session", RenameSessionRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.renameSession(RenameSessionRequest.getDefaultInstance())),
                arguments("pinSession", "direct:pin-session", PinSessionRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.pinSession(PinSessionRequest.getDefaultInstance())),
                arguments("deleteSession", "direct:delete-session", DeleteSessionRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.deleteSession(DeleteSessionRequest.getDefaultInstance())),
                arguments("getPromptStatus", "direct:get-prompt-status", GetPromptStatusRequest.getDefaultInstance(),
                        (Consumer<ChatCommandGrpc>) grpc -> grpc.getPromptStatus(GetPromptStatusRequest.getDefaultInstance())));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("methods")
    @DisplayName("hands each method to its flow route and nothing else")
    void dispatches(String method, String flow, Object request, Consumer<ChatCommandGrpc> expectedCall) {
        NotifyBuilder handedOver = new NotifyBuilder(camel).fromRoute("command-grpc-entry").wereSentTo(flow)
                .whenCompleted(1).create();

        Exchange exchange = call(method, request);

        assertThat(exchange.getException()).isNull();
        assertThat(handedOver.matches(5, TimeUnit.SECONDS)).as("handed to " + flow).isTrue();
        expectedCall.accept(verify(chatCommandGrpc));
        verifyNoMoreInteractions(chatCommandGrpc);
    }

    @Test
    @DisplayName("replies with the flow's response")
    void replies() {
        SubmitPromptResponse accepted = SubmitPromptResponse.newBuilder().setRequestId("req-00001").setStatus("accepted").build();
        when(chatCommandGrpc.submitPrompt(SubmitPromptRequest.getDefaultInstance())).thenReturn(accepted);

        Exchange exchange = call("submitPrompt", SubmitPromptRequest.getDefaultInstance());

        assertThat(exchange.getMessage().getBody()).isEqualTo(accepted);
    }

    @Test
    @DisplayName("refuses a method it does not route, naming it, without calling any flow")
    void unroutedMethod() {
        Exchange exchange = call("streamAnswer", SubmitPromptRequest.getDefaultInstance());

        assertThat(exchange.getException()).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("streamAnswer");
        verifyNoInteractions(chatCommandGrpc);
    }

    @Test
    @DisplayName("lets a flow's rejection reach the client unchanged")
    void rejectionPassesThrough() {
        StatusRuntimeException rejected = Status.NOT_FOUND.withDescription("no such session").asRuntimeException();
        when(chatCommandGrpc.deleteSession(DeleteSessionRequest.getDefaultInstance())).thenThrow(rejected);

        Exchange exchange = call("deleteSession", DeleteSessionRequest.getDefaultInstance());

        assertThat(exchange.getException()).isSameAs(rejected);
        verify(chatCommandGrpc).deleteSession(DeleteSessionRequest.getDefaultInstance());
    }

    @Test
    @DisplayName("serves the ChatCommandService path on the configured host and port, synchronously")
    void server() {
        assertThat(InfrastructureAdvice.shippedInput("command-grpc-entry"))
                .startsWith("grpc://" + property("chat.grpc.host") + ":" + property("chat.grpc.port")
                        + "/io.chatstream.proto.v1.ChatCommandService?")
                .contains("synchronous=true")
                .contains("maxConcurrentCallsPerConnection=" + property("chat.grpc.max-concurrent-calls-per-connection"));
    }

    private Exchange call(String method, Object request) {
        return producer.send(GRPC_CALL, e -> {
            e.getMessage().setHeader("CamelGrpcMethodName", method);
            e.getMessage().setBody(request);
        });
    }
}
