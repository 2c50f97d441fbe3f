package io.chatstream.command.routes;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.proto.v1.SelectVersionRequest;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.DisplayName;

/** Guards {@code select-version.camel.yaml}: SelectVersion goes to {@code chatCommandGrpc.selectVersion}. */
@DisplayName("Route command-select-version")
class SelectVersionRouteTest extends GrpcFlowContract<SelectVersionRequest> {

    @Override
    String routeId() {
        return "command-select-version";
    }

    @Override
    String input() {
        return "direct:select-version";
    }

    @Override
    SelectVersionRequest request() {
        return SelectVersionRequest.newBuilder().setUserId("user-1").setRequestId("req-00002").build();
    }

    @Override
    void call(ChatCommandGrpc grpc, SelectVersionRequest request, StreamObserver<?> observer) {
        grpc.selectVersion(request, observer);
    }
}
