package io.chatstream.gateway.backend.application;

/** The command service's answer to a pin or unpin: the session and whether it is pinned now. */
public record SessionPinned(String sessionId, boolean pinned) {
}
