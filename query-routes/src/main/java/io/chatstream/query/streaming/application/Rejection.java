package io.chatstream.query.streaming.application;

/** A query the caller may not make, as a value: the kind decides the transport status, the code is the contract's. */
public record Rejection(Kind kind, String code, String message) {

    public enum Kind { INVALID, NOT_FOUND }

    public static Rejection invalid(String code, String message) {
        return new Rejection(Kind.INVALID, code, message);
    }

    public static Rejection notFound(String code, String message) {
        return new Rejection(Kind.NOT_FOUND, code, message);
    }
}
