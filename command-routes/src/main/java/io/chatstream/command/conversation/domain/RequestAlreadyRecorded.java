package io.chatstream.command.conversation.domain;

/**
 * A prompt with the same request id was stored concurrently (the store's unique key caught it).
 * The caller rolls back and returns the first submission.
 */
public class RequestAlreadyRecorded extends RuntimeException {

    public RequestAlreadyRecorded(String message) {
        super(message);
    }
}
