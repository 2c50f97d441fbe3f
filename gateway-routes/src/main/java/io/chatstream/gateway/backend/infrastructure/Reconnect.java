package io.chatstream.gateway.backend.infrastructure;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;

/**
 * grpc-java tries an instance it cannot reach again after a back-off that grows to two minutes. When one
 * instance of a service dies and the other one restarted a while ago, the channel may be left with no
 * connected instance although one is up again, only waiting for its back-off: a call would then wait out
 * its deadline. Two triggers ask the channel to try every instance at once, neither of them a loop, so a
 * service that is really down costs one connection attempt per trigger:
 * <ul>
 *   <li>the channel leaves READY (the last connected instance went away): before any call needs it;</li>
 *   <li>a call finds the channel not READY: covers an instance that came back after that moment.</li>
 * </ul>
 */
final class Reconnect {

    private Reconnect() {
    }

    static void ifNotReady(Channel channel) {
        if (channel instanceof ManagedChannel managed && managed.getState(false) != ConnectivityState.READY) {
            managed.resetConnectBackoff();
        }
    }

    /** Resets the back-off each time the channel goes from READY to anything else, until it is shut down. */
    static void whenReadyLost(ManagedChannel channel) {
        watch(channel, channel.getState(false));
    }

    private static void watch(ManagedChannel channel, ConnectivityState seen) {
        if (seen == ConnectivityState.SHUTDOWN) {
            return;
        }
        channel.notifyWhenStateChanged(seen, () -> {
            ConnectivityState now = channel.getState(false);
            if (seen == ConnectivityState.READY && now != ConnectivityState.READY) {
                channel.resetConnectBackoff();
            }
            watch(channel, now);
        });
    }
}
