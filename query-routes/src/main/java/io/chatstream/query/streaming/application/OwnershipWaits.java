package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stream requests that arrived before their PromptSubmitted was projected by this instance, woken the moment it
 * is. Only a shortcut: waiters also poll the database, which covers events projected by another instance.
 */
public final class OwnershipWaits {

    private final Map<String, List<Runnable>> waiters = new ConcurrentHashMap<>();

    public void register(String requestId, Runnable retry) {
        waiters.computeIfAbsent(requestId, k -> new CopyOnWriteArrayList<>()).add(retry);
    }

    public void unregister(String requestId, Runnable retry) {
        waiters.computeIfPresent(requestId, (k, list) -> {
            list.remove(retry);
            return list.isEmpty() ? null : list;
        });
    }

    /** Runs, once, every retry waiting for the request's ownership. */
    public void wake(RequestId requestId) {
        List<Runnable> woken = waiters.remove(requestId.value());
        if (woken != null) {
            woken.forEach(Runnable::run);
        }
    }
}
