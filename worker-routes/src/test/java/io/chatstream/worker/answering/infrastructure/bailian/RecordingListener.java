package io.chatstream.worker.answering.infrastructure.bailian;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every callback of one stream, in order: tokens, reasoning pieces and terminal results (a response or an error). */
final class RecordingListener implements ModelProvider.Listener {

    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> thinking = new CopyOnWriteArrayList<>();
    final List<Object> terminal = new CopyOnWriteArrayList<>();

    @Override
    public void onToken(String text) {
        tokens.add(text);
    }

    @Override
    public void onThinking(String text) {
        thinking.add(text);
    }

    @Override
    public void onComplete(ProviderResponse response) {
        terminal.add(response);
    }

    @Override
    public void onError(ProviderError error) {
        terminal.add(error);
    }
}
