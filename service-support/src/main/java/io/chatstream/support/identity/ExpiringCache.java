package io.chatstream.support.identity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values kept until their own expiry, for the gateway tokens of both sides ({@link GatewayTokens},
 * {@link GatewayTokenVerifier}). Bounded however many users there are: past {@code pruneAt} entries, the
 * expired ones are dropped before a new one is added, and all of them when more than half would stay. So a
 * full scan happens at most once per {@code pruneAt / 2} new entries.
 */
final class ExpiringCache<K, V> {

    private final int pruneAt;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringCache(int pruneAt) {
        if (pruneAt < 2) {
            throw new IllegalArgumentException("pruneAt must be at least 2");
        }
        this.pruneAt = pruneAt;
    }

    /** The value of {@code key} while {@code now} is before its expiry; null otherwise. */
    V get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        return entry != null && now.isBefore(entry.until()) ? entry.value() : null;
    }

    /** Keeps {@code value} for {@code key} until {@code until} (exclusive). */
    void put(K key, V value, Instant until, Instant now) {
        if (entries.size() > pruneAt) {
            entries.values().removeIf(old -> !now.isBefore(old.until()));
            if (entries.size() > pruneAt / 2) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, until));
    }

    int size() {
        return entries.size();
    }

    private record Entry<V>(V value, Instant until) {
    }
}
