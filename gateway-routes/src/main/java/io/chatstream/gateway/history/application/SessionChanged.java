package io.chatstream.gateway.history.application;

/** What a change of a conversation did: its stored title if it was renamed, its flag if it was pinned or unpinned. */
public record SessionChanged(String sessionId, String title, Boolean pinned) {
}
