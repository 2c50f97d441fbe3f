package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code rename-session.camel.yaml}: RenameSession goes to {@code chatCommandGrpc.renameSession}. */
@DisplayName("Route command-rename-session")
class RenameSessionRouteTest extends GrpcFlowContract<RenameSessionRequest> {

    @Override
    String routeId() {
        return "command-rename-session";
    }

    @Override
    String input() {
        return "direct:rename-session";
    }

    @Override
    RenameSessionRequest request() {
        return RenameSessionRequest.newBuilder().setUserId("user-1").setSessionId("session-1").setTitle(" Trip ").build();
    }


    @Override
    void call(ChatCommandGrpc grpc, RenameSessionRequest request, StreamObserver<?> observer) {
        grpc.renameSession(request, observer);
    }
}
