package io.chatstream.gateway.api.interfaces.sse;

import io.chatstream.gateway.api.application.Rejection;

/** Carries a stream's rejection to the controller's error handler, before any event was sent. */
final class StreamRejected extends RuntimeException {

    private final transient Rejection rejection;

    StreamRejected(Rejection rejection) {
        super(rejection.code(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
