package io.chatstream.query.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.query.application.OwnershipSignals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes stream requests that arrived before their PromptSubmitted was projected by this instance.
 * Only a shortcut: waiters also poll the database, which covers events projected by another instance.
 */
public class OwnershipWaits implements OwnershipSignals {

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

    @Override
    public void ownershipKnown(RequestId requestId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Waiters re-read the database: wake them only once the row is visible.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake(requestId);
                }
            });
        } else {
            wake(requestId);
        }
    }

    private void wake(RequestId requestId) {
        List<Runnable> woken = waiters.remove(requestId.value());
        if (woken != null) {
            woken.forEach(Runnable::run);
        }
    }
}
