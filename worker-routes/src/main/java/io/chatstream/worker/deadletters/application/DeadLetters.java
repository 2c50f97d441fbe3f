package io.chatstream.worker.deadletters.application;

import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.util.List;
import java.util.Optional;

/** Port: the dead letters as read from the dead-letter topic, the latest record per request id. */
public interface DeadLetters {

    /** Keeps the newest record of a request (a replay that failed again writes a new dead letter). */
    void record(DeadLetter deadLetter);

    Optional<DeadLetter> find(String requestId);

    /** Oldest first. */
    List<DeadLetter> all();

    /** Records dropped because the store is bounded (0 when it holds the whole topic). */
    long evicted();
}
