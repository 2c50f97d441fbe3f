package io.chatstream.worker.answering.infrastructure.bailian;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.Turn;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link BailianClient} per model name, so the answer route can pick the model per prompt
 * (ops change it live in the route file). The configured model's client is built at start-up;
 * others on first use and kept (bounded: past {@link #MAX_MODELS} names the cache starts over).
 */
public final class BailianModels implements ModelProvider {

    static final int MAX_MODELS = 16;

    private final BailianSettings props;
    private final ApiKeySource apiKey;
    private final BailianClient configured;
    private final Map<String, BailianClient> others = new ConcurrentHashMap<>();

    public BailianModels(BailianSettings props, ApiKeySource apiKey) {
        this.props = props;
        this.apiKey = apiKey;
        this.configured = new BailianClient(props, apiKey);
    }

    @Override
    public Stream stream(List<Turn> conversation, Listener listener) {
        return configured.stream(conversation, listener);
    }

    @Override
    public Stream stream(String model, List<Turn> conversation, Listener listener) {
        return client(model).stream(conversation, listener);
    }

    @Override
    public Stream stream(String model, boolean thinking, List<Turn> conversation, Listener listener) {
        return client(model).stream(conversation, thinking, listener);
    }

    BailianClient client(String model) {
        if (model == null || model.isBlank() || model.equals(props.model())) {
            return configured;
        }
        if (others.size() >= MAX_MODELS && !others.containsKey(model)) {
            others.clear();
        }
        return others.computeIfAbsent(model, name -> new BailianClient(withModel(props, name), apiKey));
    }

    static BailianSettings withModel(BailianSettings p, String model) {
        return new BailianSettings(p.baseUrl(), model, p.temperature(), p.topP(), p.maxTokens(), p.systemPrompt(),
                p.maxConcurrentStreams(), p.maxAttempts(), p.backoffInitial(), p.backoffMax(),
                p.firstTokenTimeout(), p.idleTimeout(), p.totalTimeout(), p.thinkingTimeout(), p.multimodalModels(), p.models(),
                p.thinkingBudget());
    }
}
