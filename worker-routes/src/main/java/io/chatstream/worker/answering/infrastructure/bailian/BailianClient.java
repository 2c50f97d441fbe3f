package io.chatstream.worker.answering.infrastructure.bailian;

import com.alibaba.dashscope.exception.ApiException;
import dev.langchain4j.community.model.dashscope.QwenChatRequestParameters;
import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The Bailian (DashScope) model through LangChain4j's {@link QwenStreamingChatModel}. */
public final class BailianClient implements ModelProvider {

    private final QwenStreamingChatModel model;
    private final String systemPrompt;
    // The multimodal endpoint for models LangChain4j's name rule would send to the text endpoint by mistake.
    private final boolean multimodal;
    // Longest reasoning, in tokens, when the model is asked to think (null: the model's own default).
    private final Integer thinkingBudget;

    public BailianClient(BailianSettings props, ApiKeySource apiKey) {
        QwenStreamingChatModel.QwenStreamingChatModelBuilder builder = QwenStreamingChatModel.builder()
                .apiKey(apiKey.key())
                .modelName(props.model())
                .temperature(props.temperature())
                .topP(props.topP())
                .maxTokens(props.maxTokens());
        if (props.baseUrl() != null && !props.baseUrl().isBlank()) {
            builder.baseUrl(props.baseUrl());
        }
        this.model = builder.build();
        ProviderCalls.install(model);
        this.systemPrompt = props.systemPrompt();
        this.thinkingBudget = props.thinkingBudget() != null && props.thinkingBudget() > 0 ? props.thinkingBudget() : null;
        this.multimodal = new MultimodalModels(props.multimodalModels()).servedOnlyMultimodal(props.model());
    }

    @Override
    public Stream stream(List<Turn> conversation, Listener listener) {
        return stream(conversation, false, listener);
    }

    /**
     * With {@code thinking}, enable_thinking (and chat.bailian.thinking-budget as thinking_budget, when set) is
     * sent: the model reasons first (its reasoning to onThinking).
     */
    public Stream stream(List<Turn> conversation, boolean thinking, Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(ConversationMessages.of(systemPrompt, conversation));
        if (multimodal || thinking) {
            QwenChatRequestParameters.Builder parameters = QwenChatRequestParameters.builder();
            if (multimodal) {
                parameters.isMultimodalModel(true);
            }
            if (thinking) {
                parameters.enableThinking(true).thinkingBudget(thinkingBudget);
            }
            builder.parameters(parameters.build());
        }
        ChatRequest request = builder.build();
        String call = ProviderCalls.tagged(() -> model.chat(request, new Forwarder(listener, cancelled)));
        return () -> {
            // Callbacks stop first, so the failure the closed connection causes is not reported.
            cancelled.set(true);
            ProviderCalls.close(call);
        };
    }

    static ProviderError errorOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.getStatus() != null) {
                return new ProviderError(api.getStatus().getCode(), api.getStatus().getMessage(),
                        api.getStatus().getStatusCode());
            }
        }
        return new ProviderError("PROVIDER_ERROR", String.valueOf(error.getMessage()), ProviderError.NETWORK_STATUS);
    }

    static String finishReasonOf(FinishReason reason) {
        if (reason == null) {
            return "";
        }
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> "";
        };
    }

    private record Forwarder(Listener listener, AtomicBoolean cancelled) implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String partial) {
            if (!cancelled.get()) {
                listener.onToken(partial);
            }
        }

        @Override
        public void onPartialThinking(PartialThinking partial) {
            if (!cancelled.get()) {
                listener.onThinking(partial.text());
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (cancelled.get()) {
                return;
            }
            if (response == null) {
                listener.onError(new ProviderError(ProviderError.EMPTY_RESPONSE, "the stream ended without a response", 200));
                return;
            }
            TokenUsage usage = response.tokenUsage();
            listener.onComplete(new ProviderResponse(
                    response.aiMessage() == null ? "" : response.aiMessage().text(),
                    finishReasonOf(response.finishReason()),
                    usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                    usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount()));
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled.get()) {
                listener.onError(errorOf(error));
            }
        }
    }
}
