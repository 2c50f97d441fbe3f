package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.CancelPromptResponse;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code cancel-prompt.camel.yaml}: CancelPrompt goes to {@code chatCommandGrpc.cancelPrompt}, rejections pass through. */
@DisplayName("Route command-cancel-prompt")
class CancelPromptRouteTest extends GrpcFlowContract<CancelPromptRequest, CancelPromptResponse> {

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
    CancelPromptResponse response() {
        return CancelPromptResponse.newBuilder().setRequestId("req-00001").setStatus("cancelling").build();
    }

    @Override
    CancelPromptResponse call(ChatCommandGrpc grpc, CancelPromptRequest request) {
        return grpc.cancelPrompt(request);
    }
}
