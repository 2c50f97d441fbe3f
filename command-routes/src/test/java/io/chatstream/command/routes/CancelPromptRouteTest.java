package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code cancel-prompt.camel.yaml}: CancelPrompt goes to {@code chatCommandGrpc.cancelPrompt}. */
@DisplayName("Route command-cancel-prompt")
class CancelPromptRouteTest extends GrpcFlowContract<CancelPromptRequest> {

    @Override
    String routeId() {
        return "command-cancel-prompt";
    }

    @Override
    String input() {
        return "direct:cancel-prompt";
    }

    @Override
    CancelPromptRequest request() {
        return CancelPromptRequest.newBuilder().setUserId("user-1").setRequestId("req-00001").build();
    }


    @Override
    void call(ChatCommandGrpc grpc, CancelPromptRequest request, StreamObserver<?> observer) {
        grpc.cancelPrompt(request, observer);
    }
}
