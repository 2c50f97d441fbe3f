package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code submit-prompt.camel.yaml}: SubmitPrompt goes to {@code chatCommandGrpc.submitPrompt}. */
@DisplayName("Route command-submit-prompt")
class SubmitPromptRouteTest extends GrpcFlowContract<SubmitPromptRequest> {

    @Override
    String routeId() {
        return "command-submit-prompt";
    }

    @Override
    String input() {
        return "direct:submit-prompt";
    }

    @Override
    SubmitPromptRequest request() {
        return SubmitPromptRequest.newBuilder().setUserId("user-1").setSessionId("session-1").setPrompt("Hello?")
                .setRequestId("req-00001").build();
    }


    @Override
    void call(ChatCommandGrpc grpc, SubmitPromptRequest request, StreamObserver<?> observer) {
        grpc.submitPrompt(request, observer);
    }
}
