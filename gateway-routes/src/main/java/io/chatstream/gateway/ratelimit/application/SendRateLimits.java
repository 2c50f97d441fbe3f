package io.chatstream.gateway.ratelimit.application;

import io.chatstream.domain.UserId;
import java.time.Duration;
import java.util.Optional;

/** Port: how many prompts a person may send; one allowance shared by every gateway instance. */
public interface SendRateLimits {

    /** Takes one send from the user's allowance; empty = allowed, else how long to wait before trying again. */
    Optional<Duration> tryAcquire(UserId user);

    /** No limit (rate limiting switched off). */
    static SendRateLimits unlimited() {
        return user -> Optional.empty();
    }
}
