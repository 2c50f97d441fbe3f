package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import java.util.List;

/** Port: a streaming chat model. Calls return at once; the listener is called from other threads. */
public interface ModelProvider {

    Stream stream(List<Turn> conversation, Listener listener);

    /** The same with this model name; null or blank = the configured model. */
    default Stream stream(String model, List<Turn> conversation, Listener listener) {
        return stream(conversation, listener);
    }

    /**
     * The same, and with {@code thinking} the model is asked to think first where it can (DashScope's
     * enable_thinking): its reasoning comes through {@link Listener#onThinking}.
     */
    default Stream stream(String model, boolean thinking, List<Turn> conversation, Listener listener) {
        return stream(model, conversation, listener);
    }

    /** Callbacks of one stream; after the first terminal call (complete or error) the rest are ignored. */
    interface Listener {

        void onToken(String text);

        /**
         * A piece of the model's reasoning before its answer (thinking models). Not part of the answer:
         * it only shows the model is working, so the first-token watchdog waits.
         */
        default void onThinking(String text) {
        }

        void onComplete(ProviderResponse response);

        void onError(ProviderError error);
    }

    /** A running stream that can be abandoned. */
    interface Stream {

        void cancel();
    }
}
