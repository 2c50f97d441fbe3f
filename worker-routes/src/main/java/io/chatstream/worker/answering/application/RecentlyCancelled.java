package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request ids whose cancel arrived lately, so a prompt that starts after its cancel (it was
 * waiting for a free answer slot, or had not been consumed yet) ends at once as stopped.
 * Bounded and expiring: a cancel is only worth remembering while its prompt can still arrive.
 */
public final class RecentlyCancelled {

    private final int capacity;
    private final Duration keepFor;
    private final Clock clock;
    /**
     * Insertion order is nearly expiry order: every id is kept for the same time after its cancel,
     * and cancels arrive roughly in the order they were made. Eviction stops at the first
     * unexpired entry, so an out-of-order one at worst lives a little longer.
     */
    private final LinkedHashMap<RequestId, Instant> expiries = new LinkedHashMap<>();

    public RecentlyCancelled(int capacity, Duration keepFor, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    public void remember(RequestId requestId) {
        remember(requestId, clock.instant());
    }

    /**
     * Remembers a cancel made at {@code requestedAt} until {@code keepFor} after it; a cancel that
     * old already (read again after a restart) is not remembered.
     */
    public synchronized void remember(RequestId requestId, Instant requestedAt) {
        Instant expiry = requestedAt.plus(keepFor);
        if (!expiry.isAfter(clock.instant())) {
            return;
        }
        expiries.remove(requestId);
        expiries.put(requestId, expiry);
        evict();
    }

    public synchronized boolean contains(RequestId requestId) {
        evict();
        Instant expiry = expiries.get(requestId);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    public synchronized int size() {
        evict();
        return expiries.size();
    }

    private void evict() {
        Instant now = clock.instant();
        Iterator<Map.Entry<RequestId, Instant>> oldest = expiries.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<RequestId, Instant> entry = oldest.next();
            if (expiries.size() <= capacity && entry.getValue().isAfter(now)) {
                return;
            }
            oldest.remove();
        }
    }
}
