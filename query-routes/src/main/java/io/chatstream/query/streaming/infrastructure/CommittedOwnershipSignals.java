package io.chatstream.query.streaming.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.query.streaming.application.OwnershipSignals;
import io.chatstream.query.streaming.application.OwnershipWaits;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link OwnershipSignals} that wake the {@link OwnershipWaits} once the projection's transaction has committed. */
public class CommittedOwnershipSignals implements OwnershipSignals {

    private final OwnershipWaits waits;

    public CommittedOwnershipSignals(OwnershipWaits waits) {
        this.waits = waits;
    }

    @Override
    public void ownershipKnown(RequestId requestId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Waiters re-read the database: wake them only once the row is visible.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    waits.wake(requestId);
                }
            });
        } else {
            waits.wake(requestId);
        }
    }
}
