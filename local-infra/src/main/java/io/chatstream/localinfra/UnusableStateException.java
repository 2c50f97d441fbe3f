package io.chatstream.localinfra;

import java.nio.file.Path;

/**
 * Stored data under a state directory that a server cannot start on (damaged, or written by an
 * incompatible version). The message says what is wrong and what the person can do about it; the
 * launcher prints it as it is, without a stack trace.
 */
public class UnusableStateException extends IllegalStateException {

    public UnusableStateException(String component, Path data, String problem) {
        super(component + " cannot start on the data stored in " + data + ": " + problem
                + ". Move that directory aside to keep it, or start over with empty data with"
                + " ./run.sh --fresh (this deletes every stored conversation).");
    }
}
