package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.worker.deadletters.application.DeadLetters;
import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter topic as this instance read it (route {@code worker-dlq-index}), latest record per
 * request id, in the order they were written. Bounded: past {@code capacity} the oldest are dropped
 * and counted, so a flood of failures cannot exhaust the heap (each entry holds its payload).
 */
public final class InMemoryDeadLetters implements DeadLetters {

    private final int capacity;
    private final LinkedHashMap<String, DeadLetter> byRequest = new LinkedHashMap<>();
    private long evicted;

    public InMemoryDeadLetters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("chat.dlq.index.capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(DeadLetter deadLetter) {
        byRequest.remove(deadLetter.requestId()); // a dead letter again after a failed replay: it moves to the end
        byRequest.put(deadLetter.requestId(), deadLetter);
        while (byRequest.size() > capacity) {
            byRequest.remove(byRequest.keySet().iterator().next());
            evicted++;
        }
    }

    @Override
    public synchronized Optional<DeadLetter> find(String requestId) {
        return Optional.ofNullable(byRequest.get(requestId));
    }

    @Override
    public synchronized List<DeadLetter> all() {
        return new ArrayList<>(byRequest.values());
    }

    @Override
    public synchronized long evicted() {
        return evicted;
    }
}
