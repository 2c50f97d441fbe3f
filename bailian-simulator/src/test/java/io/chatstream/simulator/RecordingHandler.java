package io.chatstream.simulator;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records what LangChain4j delivers, in order, so a test can assert the exact callback sequence. */
final class RecordingHandler implements StreamingChatResponseHandler {

    final List<String> partials = new CopyOnWriteArrayList<>();
    final List<String> thinking = new CopyOnWriteArrayList<>();
    final List<String> callbacks = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> completion = new CompletableFuture<>();
    final CompletableFuture<Throwable> error = new CompletableFuture<>();
    volatile long firstPartialNanos;
    volatile long firstThinkingNanos;

    @Override
    public void onPartialResponse(String partial) {
        if (partials.isEmpty()) {
            firstPartialNanos = System.nanoTime();
        }
        partials.add(partial);
        callbacks.add("partial");
    }

    @Override
    public void onPartialThinking(PartialThinking partial) {
        if (thinking.isEmpty()) {
            firstThinkingNanos = System.nanoTime();
        }
        thinking.add(partial.text());
        callbacks.add("thinking");
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        callbacks.add("complete");
        completion.complete(response);
    }

    @Override
    public void onError(Throwable throwable) {
        callbacks.add("error");
        error.complete(throwable);
    }

    /** Starts a streaming chat with {@code messages} and returns the handler that records it. */
    static RecordingHandler chat(StreamingChatModel model, ChatMessage... messages) {
        RecordingHandler handler = new RecordingHandler();
        model.chat(ChatRequest.builder().messages(List.of(messages)).build(), handler);
        return handler;
    }

    ChatResponse awaitCompletion() throws Exception {
        return completion.get(10, TimeUnit.SECONDS);
    }

    Throwable awaitError() throws Exception {
        return error.get(10, TimeUnit.SECONDS);
    }
}
