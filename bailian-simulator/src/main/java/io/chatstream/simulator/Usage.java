package io.chatstream.simulator;

/**
 * The cumulative {@code usage} of a result event. Reasoning tokens are part of the output tokens,
 * as the real service counts them, and are also reported on their own when there are any.
 *
 * @param inputTokens     the prompt, by {@link GenerationRequest#inputTokens()}
 * @param outputTokens    everything generated so far, reasoning included
 * @param reasoningTokens the reasoning generated so far
 */
record Usage(int inputTokens, int outputTokens, int reasoningTokens) {

    int totalTokens() {
        return inputTokens + outputTokens;
    }
}
