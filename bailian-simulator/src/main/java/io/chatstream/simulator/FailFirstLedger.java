package io.chatstream.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attempts per conversation for {@code [sim:fail-first=N]}. Bounded (least recently used
 * conversations are forgotten) so a long-running simulator cannot grow without limit.
 */
final class FailFirstLedger {

    static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Integer> attempts;

    FailFirstLedger(int capacity) {
        this.attempts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records one more attempt of the conversation and returns its number, starting at 1. */
    synchronized int nextAttempt(String conversationKey) {
        return attempts.merge(conversationKey, 1, Integer::sum);
    }

    synchronized int size() {
        return attempts.size();
    }
}
