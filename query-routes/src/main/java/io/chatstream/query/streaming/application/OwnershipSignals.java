package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;

/** Tells readers waiting for a request's ownership that it has just been stored. */
public interface OwnershipSignals {

    void ownershipKnown(RequestId requestId);
}
