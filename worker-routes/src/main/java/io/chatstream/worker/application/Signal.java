package io.chatstream.worker.application;

import io.chatstream.worker.domain.ProviderError;
import io.chatstream.worker.domain.ProviderResponse;

/** What reaches an answer's mailbox: provider callbacks (tagged with their attempt) and stop requests. */
sealed interface Signal {

    record Token(int attempt, String text) implements Signal {
    }

    record Completed(int attempt, ProviderResponse response) implements Signal {
    }

    record Failed(int attempt, ProviderError error) implements Signal {
    }

    record StopRequested() implements Signal {
    }

    /** This instance lost the prompt (its partition moved): end without a trace, the new owner answers. */
    record Abandoned() implements Signal {
    }
}
