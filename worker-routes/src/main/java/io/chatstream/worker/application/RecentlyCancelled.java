package io.chatstream.worker.application;

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
    /** Insertion order is expiry order: every id is kept for the same time. */
    private final LinkedHashMap<RequestId, Instant> expiries = new LinkedHashMap<>();

    public RecentlyCancelled(int capacity, Duration keepFor, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    public synchronized void remember(RequestId requestId) {
        expiries.remove(requestId);
        expiries.put(requestId, clock.instant().plus(keepFor));
        evict();
    }

    public synchronized boolean contains(RequestId requestId) {
        evict();
        return expiries.containsKey(requestId);
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
