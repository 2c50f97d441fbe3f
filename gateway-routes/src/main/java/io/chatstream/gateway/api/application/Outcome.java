package io.chatstream.gateway.api.application;

import java.util.function.Function;

/** The result of a use case: a value, or the rejection that explains why there is none. */
public sealed interface Outcome<T> {

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> rejected(String code, String message) {
        return new Rejected<>(new Rejection(code, message));
    }

    /** Continues with {@code next} when this is a value; a rejection passes through unchanged. */
    <R> Outcome<R> then(Function<T, Outcome<R>> next);

    record Done<T>(T value) implements Outcome<T> {
        @Override
        public <R> Outcome<R> then(Function<T, Outcome<R>> next) {
            return next.apply(value);
        }
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
        @Override
        public <R> Outcome<R> then(Function<T, Outcome<R>> next) {
            return new Rejected<>(rejection);
        }
    }
}
