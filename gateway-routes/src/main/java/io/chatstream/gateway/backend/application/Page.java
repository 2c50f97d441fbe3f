package io.chatstream.gateway.backend.application;

import java.util.List;

/** One page of a listing; {@code nextCursor} is empty when there is no further page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
