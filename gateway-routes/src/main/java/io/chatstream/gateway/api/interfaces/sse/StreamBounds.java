package io.chatstream.gateway.api.interfaces.sse;

import java.time.Duration;

/**
 * How long one SSE answer stream may live (0 = unlimited) and how many events it may hold for its browser
 * (chat.sse.max-duration and max-queued-events).
 */
public record StreamBounds(Duration maxDuration, int maxQueuedEvents) {
}
