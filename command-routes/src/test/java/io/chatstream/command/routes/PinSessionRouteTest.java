package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.PinSessionRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code pin-session.camel.yaml}: PinSession goes to {@code chatCommandGrpc.pinSession}. */
@DisplayName("Route command-pin-session")
class PinSessionRouteTest extends GrpcFlowContract<PinSessionRequest> {

    @Override
    String routeId() {
        return "command-pin-session";
    }

    @Override
    String input() {
        return "direct:pin-session";
    }

    @Override
    PinSessionRequest request() {
        return PinSessionRequest.newBuilder().setUserId("user-1").setSessionId("session-1").setPinned(true).build();
    }


    @Override
    void call(ChatCommandGrpc grpc, PinSessionRequest request, StreamObserver<?> observer) {
        grpc.pinSession(request, observer);
    }
}
