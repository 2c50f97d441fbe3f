package io.chatstream.gateway.backend.application;

/** The command service's answer to a rename: the session and its stored (trimmed) title. */
public record SessionRenamed(String sessionId, String title) {
}
