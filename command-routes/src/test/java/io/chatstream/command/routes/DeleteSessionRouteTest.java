package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code delete-session.camel.yaml}: DeleteSession goes to {@code chatCommandGrpc.deleteSession}. */
@DisplayName("Route command-delete-session")
class DeleteSessionRouteTest extends GrpcFlowContract<DeleteSessionRequest> {

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
    void call(ChatCommandGrpc grpc, DeleteSessionRequest request, StreamObserver<?> observer) {
        grpc.deleteSession(request, observer);
    }
}
