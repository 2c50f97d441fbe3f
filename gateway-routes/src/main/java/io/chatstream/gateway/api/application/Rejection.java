package io.chatstream.gateway.api.application;

import java.time.Duration;

/**
 * Why a call was not carried out: an application error code (the {@code chat-error-code} of the
 * services, or one of {@link GatewayCodes}) and a message that is safe to show to the user.
 * {@code retryAfter} is set only when waiting that long will help (rate limits), else null.
 */
public record Rejection(String code, String message, Duration retryAfter) {

    public Rejection(String code, String message) {
        this(code, message, null);
    }
}
