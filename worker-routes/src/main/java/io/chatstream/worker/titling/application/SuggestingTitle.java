package io.chatstream.worker.titling.application;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Role;
import io.chatstream.worker.answering.domain.Turn;
import io.chatstream.worker.titling.domain.SuggestedTitle;
import io.chatstream.worker.titling.domain.TitleRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Use case: after the first answer of a conversation, ask the model (the answering concept's provider, so
 * the same client and circuit breaker) for a short title. One attempt, bounded by a timeout: a failure is a
 * value, counted, and leaves the conversation's title as it is; it never blocks or retries.
 */
public class SuggestingTitle {

    private final ModelProvider provider;
    private final TitleSettings settings;
    private final TitleMetrics metrics;
    private final Clock clock;

    public SuggestingTitle(ModelProvider provider, TitleSettings settings, TitleMetrics metrics, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    public TitleOutcome suggest(FirstAnswer answer) {
        if (!settings.enabled() || !answer.titlesConversation()
                || answer.completedAt().plus(settings.maxAge()).isBefore(clock.instant())) {
            return new TitleOutcome.NotNeeded();
        }
        TitleRequest request = TitleRequest.of(settings.instruction(), answer.prompt(), answer.answer(),
                settings.maxInputChars());
        TitleOutcome outcome = ask(request);
        if (outcome instanceof TitleOutcome.Failed failed) {
            metrics.failed(failed.reason());
        } else {
            metrics.suggested();
        }
        return outcome;
    }

    private TitleOutcome ask(TitleRequest request) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        List<Turn> turns = List.of(new Turn(Role.SYSTEM, request.instruction()), Turn.user(request.conversation()));
        ModelProvider.Stream stream;
        try {
            stream = provider.stream(settings.model(), false, turns, listener(reply));
        } catch (RuntimeException e) {
            return new TitleOutcome.Failed("PROVIDER_ERROR");
        }
        try {
            String text = reply.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return SuggestedTitle.clean(text, settings.maxLength())
                    .<TitleOutcome>map(TitleOutcome.Suggested::new)
                    .orElse(new TitleOutcome.Failed("EMPTY_TITLE"));
        } catch (TimeoutException e) {
            stream.cancel();
            return new TitleOutcome.Failed("TIMEOUT");
        } catch (ExecutionException e) {
            return new TitleOutcome.Failed(e.getCause() instanceof TitleFailure f ? f.getMessage() : "PROVIDER_ERROR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.cancel();
            return new TitleOutcome.Failed("INTERRUPTED");
        }
    }

    private static ModelProvider.Listener listener(CompletableFuture<String> reply) {
        return new ModelProvider.Listener() {
            @Override
            public void onToken(String text) {
            }

            @Override
            public void onComplete(ProviderResponse response) {
                reply.complete(response.text());
            }

            @Override
            public void onError(ProviderError error) {
                reply.completeExceptionally(new TitleFailure(error.code()));
            }
        };
    }

    private static final class TitleFailure extends RuntimeException {
        TitleFailure(String code) {
            super(code, null, false, false);
        }
    }
}
