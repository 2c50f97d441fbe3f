package io.chatstream.worker.answering.domain;

/** What the model provider returned when a stream ended normally. */
public record ProviderResponse(String text, String finishReason, int inputTokens, int outputTokens) {

    public ProviderResponse {
        text = text == null ? "" : text;
        finishReason = finishReason == null ? "" : finishReason;
    }

    public Usage usage() {
        return new Usage(inputTokens, outputTokens);
    }
}
