package io.chatstream.worker.answering.domain;

/** Tokens the provider billed for one answer. */
public record Usage(int inputTokens, int outputTokens) {

    public static final Usage NONE = new Usage(0, 0);
}
