package io.chatstream.gateway.api.interfaces.sse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the answer streams (SSE) open on this gateway instance per user and per client address
 * ({@code chat.sse.max-streams-per-user}, {@code …-per-address}): one person or one machine cannot
 * hold the instance's connections and threads. Counted per instance, so with N gateways behind the
 * front door a user may hold up to N times the cap. Every opened stream must be closed exactly once;
 * the returned handle is safe to call more than once.
 */
public final class StreamLimits {

    /** Why a stream was not opened. */
    public enum Refusal { PER_USER, PER_ADDRESS }

    /** Either a handle that closes the stream's place, or the refusal. */
    public record Attempt(Runnable close, Refusal refusal) {

        public boolean opened() {
            return close != null;
        }
    }

    private final int perUser;
    private final int perAddress;
    private final Map<String, Integer> users = new ConcurrentHashMap<>();
    private final Map<String, Integer> addresses = new ConcurrentHashMap<>();

    public StreamLimits(int perUser, int perAddress) {
        if (perUser < 1 || perAddress < 1) {
            throw new IllegalArgumentException("chat.sse.max-streams-per-user and -per-address must be positive");
        }
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    public Attempt tryOpen(String user, String address) {
        if (!take(users, user, perUser)) {
            return new Attempt(null, Refusal.PER_USER);
        }
        if (!take(addresses, address, perAddress)) {
            give(users, user);
            return new Attempt(null, Refusal.PER_ADDRESS);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return new Attempt(() -> {
            if (closed.compareAndSet(false, true)) {
                give(users, user);
                give(addresses, address);
            }
        }, null);
    }

    /** Streams this user has open here. */
    public int openFor(String user) {
        return Optional.ofNullable(users.get(user)).orElse(0);
    }

    private static boolean take(Map<String, Integer> counts, String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            int open = n == null ? 0 : n;
            if (open >= max) {
                return n;
            }
            taken[0] = true;
            return open + 1;
        });
        return taken[0];
    }

    /** Forgets a key at zero, so idle users and addresses cost nothing. */
    private static void give(Map<String, Integer> counts, String key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
