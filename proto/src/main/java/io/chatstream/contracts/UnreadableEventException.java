package io.chatstream.contracts;

/** A Kafka payload or stream entry that does not follow its contract: never worth retrying. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
