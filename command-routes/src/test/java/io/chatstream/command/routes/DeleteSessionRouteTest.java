package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.DeleteSessionResponse;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code delete-session.camel.yaml}: DeleteSession goes to {@code chatCommandGrpc.deleteSession}, rejections pass through. */
@DisplayName("Route command-delete-session")
class DeleteSessionRouteTest extends GrpcFlowContract<DeleteSessionRequest, DeleteSessionResponse> {

    @Override
    String routeId() {
        return "command-delete-session";
    }

    @Override
    String input() {
        return "direct:delete-session";
    }

    @Override
    DeleteSessionRequest request() {
        return DeleteSessionRequest.newBuilder().setUserId("user-1").setSessionId("session-1").build();
    }

    @Override
    DeleteSessionResponse response() {
        return DeleteSessionResponse.newBuilder().setSessionId("session-1").setStatus("deleted").build();
    }

    @Override
    DeleteSessionResponse call(ChatCommandGrpc grpc, DeleteSessionRequest request) {
        return grpc.deleteSession(request);
    }
}
