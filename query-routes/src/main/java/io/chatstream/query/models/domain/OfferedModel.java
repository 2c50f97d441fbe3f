package io.chatstream.query.models.domain;

/**
 * A model people may choose, as the worker's answer policy offers it. {@code thinking}: none |
 * optional | default | always (events.proto ModelInfo); {@code contextTokens} 0 when not published.
 */
public record OfferedModel(String id, String displayName, String thinking, boolean vision, int contextTokens) {
}
