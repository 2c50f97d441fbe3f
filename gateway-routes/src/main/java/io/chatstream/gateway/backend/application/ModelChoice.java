package io.chatstream.gateway.backend.application;

/**
 * A model people may choose. {@code thinking}: none | optional | default | always (proto ModelInfo);
 * {@code contextTokens} 0 when not published.
 */
public record ModelChoice(String id, String displayName, String thinking, boolean vision, int contextTokens) {

    /** Whether a prompt that does not say thinks with this model: on by default, or always. */
    public boolean thinksByDefault() {
        return "default".equals(thinking) || "always".equals(thinking);
    }
}
