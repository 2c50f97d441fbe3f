package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code get-prompt-status.camel.yaml}: GetPromptStatus goes to {@code chatCommandGrpc.getPromptStatus}. */
@DisplayName("Route command-get-prompt-status")
class GetPromptStatusRouteTest extends GrpcFlowContract<GetPromptStatusRequest> {

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
    void call(ChatCommandGrpc grpc, GetPromptStatusRequest request, StreamObserver<?> observer) {
        grpc.getPromptStatus(request, observer);
    }
}
