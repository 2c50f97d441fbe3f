package io.chatstream.worker.answering.infrastructure.bailian;

/**
 * The DashScope API key, read once from {@code chat.bailian.api-key} whose only source in
 * production is env {@code DASHSCOPE_API_KEY}. Fails start-up when blank; never prints the key.
 */
public final class ApiKeySource {

    private final String key;

    public ApiKeySource(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No DashScope API key: set the environment variable DASHSCOPE_API_KEY "
                    + "(the worker cannot call Bailian without it)");
        }
        this.key = key.strip();
    }

    String key() {
        return key;
    }

    @Override
    public String toString() {
        return "ApiKeySource[****]";
    }
}
