package io.chatstream.gateway.backend.application;

/**
 * The command service's word on a request id: {@code accepted} only for the caller's own prompt of a session
 * that still exists (another user's id looks exactly like one that was never used).
 */
public record PromptStatus(boolean accepted) {
}
