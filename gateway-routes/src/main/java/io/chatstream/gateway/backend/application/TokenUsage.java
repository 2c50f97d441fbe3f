package io.chatstream.gateway.backend.application;

/** Token counts the model provider reported for one answer. */
public record TokenUsage(int inputTokens, int outputTokens) {
}
