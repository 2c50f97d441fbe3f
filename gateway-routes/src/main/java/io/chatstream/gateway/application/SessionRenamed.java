package io.chatstream.gateway.application;

/** The command service's answer to a rename: the session and its stored (trimmed) title. */
public record SessionRenamed(String sessionId, String title) {
}
