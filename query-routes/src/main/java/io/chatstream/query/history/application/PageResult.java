package io.chatstream.query.history.application;

import io.chatstream.query.streaming.application.Rejection;

/** A history page or the reason there is none. */
public sealed interface PageResult<T> {

    record Found<T>(Page<T> page) implements PageResult<T> {
    }

    record Rejected<T>(Rejection rejection) implements PageResult<T> {
    }
}
