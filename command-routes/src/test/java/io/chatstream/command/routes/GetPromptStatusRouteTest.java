package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.GetPromptStatusResponse;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code get-prompt-status.camel.yaml}: GetPromptStatus goes to {@code chatCommandGrpc.getPromptStatus}, rejections pass through. */
@DisplayName("Route command-get-prompt-status")
class GetPromptStatusRouteTest extends GrpcFlowContract<GetPromptStatusRequest, GetPromptStatusResponse> {

    @Override
    String routeId() {
        return "command-get-prompt-status";
    }

    @Override
    String input() {
        return "direct:get-prompt-status";
    }

    @Override
    GetPromptStatusRequest request() {
        return GetPromptStatusRequest.newBuilder().setUserId("user-1").setRequestId("req-00001").build();
    }

    @Override
    GetPromptStatusResponse response() {
        return GetPromptStatusResponse.newBuilder().setRequestId("req-00001").setAccepted(true).build();
    }

    @Override
    GetPromptStatusResponse call(ChatCommandGrpc grpc, GetPromptStatusRequest request) {
        return grpc.getPromptStatus(request);
    }
}
