package io.chatstream.command.conversation.domain;

/**
 * Another writer changed the session between read and write. Technical, not a business "no":
 * the caller re-reads and decides again.
 */
public class ConcurrentSessionChange extends RuntimeException {

    public ConcurrentSessionChange(String message) {
        super(message);
    }
}
