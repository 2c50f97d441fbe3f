package io.chatstream.gateway.infrastructure.grpc;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/**
 * grpc-java tries an instance it cannot reach again after a back-off that grows to two minutes. When one
 * instance of a service dies and the other one restarted a while ago, the channel may be left with no
 * connected instance although one is up again, only waiting for its back-off: a call would then wait out
 * its deadline. So a call that finds the channel not READY first asks it to try every instance at once.
 * Called per call, never in a loop: a service that is really down costs one connection attempt per call.
 */
final class Reconnect {

    private Reconnect() {
    }

    static void ifNotReady(Channel channel) {
        if (channel instanceof ManagedChannel managed && managed.getState(false) != ConnectivityState.READY) {
            managed.resetConnectBackoff();
        }
    }
}
