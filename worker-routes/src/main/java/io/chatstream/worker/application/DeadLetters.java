package io.chatstream.worker.application;

import io.chatstream.worker.domain.DeadLetter;
import java.util.List;
import java.util.Optional;

/** Port: the prompts parked in the dead-letter topic, the latest record per request id. */
public interface DeadLetters {

    /** Keeps the newest record of a request (a replay that failed again parks it again). */
    void record(DeadLetter deadLetter);

    Optional<DeadLetter> find(String requestId);

    /** Oldest parked first. */
    List<DeadLetter> all();

    /** Records dropped because the store is bounded (0 when it holds the whole topic). */
    long evicted();
}
