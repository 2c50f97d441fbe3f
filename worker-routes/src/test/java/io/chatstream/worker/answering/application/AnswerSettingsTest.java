package io.chatstream.worker.answering.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.Backoff;
import io.chatstream.worker.answering.domain.ModelCatalog;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The per-prompt settings the answer route sets (model, attempts, timeouts) override the start-up policy. */
class AnswerSettingsTest {

    private static final AnsweringPolicy START_UP = new AnsweringPolicy(3,
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), Duration.ofMillis(300), Duration.ofMillis(300),
            Duration.ofSeconds(5));

    private final Fakes.ScriptedProvider provider = new Fakes.ScriptedProvider();
    private final Fakes.MemoryOutcomes outcomes = new Fakes.MemoryOutcomes();
    private final AnsweringPrompt answering = new AnsweringPrompt(provider, new Fakes.MemoryStreams(),
            new Fakes.MemoryTasks(), outcomes, outcomes, AnswerMetrics.NONE, new InflightAnswers(),
            new RecentlyCancelled(100, Duration.ofMinutes(10), Clock.systemUTC()), START_UP, Clock.systemUTC(),
            () -> 0.5);

    private static PromptToAnswer prompt() {
        return new PromptToAnswer(new RequestId("request-0002"), new SessionId("session-0002"), new UserId("alice"),
                "", 1, "Hi?", List.of(), Instant.now(), "{}");
    }

    @Test
    @DisplayName("given no overrides, when applied, then the start-up policy is unchanged")
    void defaults() {
        assertThat(AnswerSettings.DEFAULTS.applyTo(START_UP)).isEqualTo(START_UP);
        assertThat(new AnswerSettings("  ", null, null, null, null).model()).isNull();
    }

    @Test
    @DisplayName("given overrides, when applied, then only those fields change")
    void overrides() {
        AnsweringPolicy policy = new AnswerSettings("qwen-max", 1, Duration.ofSeconds(9), null, Duration.ofMinutes(1))
                .applyTo(START_UP);

        assertThat(policy.maxAttempts()).isEqualTo(1);
        assertThat(policy.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(policy.idleTimeout()).isEqualTo(START_UP.idleTimeout());
        assertThat(policy.totalTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoff()).isEqualTo(START_UP.backoff());
    }

    @Test
    @DisplayName("given one attempt and a model for this prompt, when the provider throttles, then it fails at once and that model was asked")
    void perPromptAttemptsAndModel() {
        provider.then((turns, l) -> l.onError(new ProviderError("Throttling.RateQuota", "slow", 429)))
                .then((turns, l) -> l.onComplete(new ProviderResponse("late", "stop", 1, 1)));

        answering.answer(prompt(), new AnswerSettings("qwen-max", 1, null, null, null));

        assertThat(provider.models).containsExactly("qwen-max");
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event()).isInstanceOf(AnswerEvent.AnswerFailed.class);
            assertThat(o.event().attempts()).isEqualTo(1);
            assertThat(o.model()).isEqualTo("qwen-max");
        });
    }

    @Test
    @DisplayName("given no settings, when answering, then the configured model is used and retries follow the start-up policy")
    void startUpPolicy() {
        provider.then((turns, l) -> l.onError(new ProviderError("Throttling.RateQuota", "slow", 429)))
                .then((turns, l) -> {
                    l.onToken("ok");
                    l.onComplete(new ProviderResponse("ok", "stop", 1, 1));
                });

        answering.answer(prompt());

        assertThat(provider.models).containsExactly("null", "null");
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event().attempts()).isEqualTo(2);
            assertThat(o.model()).isNull();
        });
    }

    @Test
    @DisplayName("given a first-token timeout for this prompt, when no token comes in time, then the attempt times out")
    void perPromptTimeout() {
        provider.then((turns, l) -> { });

        answering.answer(prompt(), new AnswerSettings(null, 1, Duration.ofMillis(50), null, null));

        assertThat(outcomes.published).singleElement().satisfies(o ->
                assertThat(((AnswerEvent.AnswerFailed) o.event()).errorCode()).isEqualTo("TIMEOUT"));
    }

    private static final ModelCatalog CATALOG = ModelCatalog.parse(
            "qwen-plus | Qwen-Plus | thinking; qwen-max | Qwen-Max; qwq-plus | QwQ-Plus | thinking-only", "qwen-plus")
            .catalog();

    private int asked;

    /** A new prompt (its own request id) naming {@code model}. */
    private PromptToAnswer asking(String model, boolean thinking) {
        PromptToAnswer p = prompt();
        return new PromptToAnswer(new RequestId("request-model-" + ++asked), p.sessionId(), p.userId(), "", 1, p.prompt(), p.context(),
                p.submittedAt(), "{}", thinking, model);
    }

    private static AnswerSettings withCatalog() {
        return new AnswerSettings("qwen-plus", 3, null, null, null, CATALOG);
    }

    private void answersOk() {
        provider.then((turns, l) -> {
            l.onToken("ok");
            l.onComplete(new ProviderResponse("ok", "stop", 1, 1));
        });
    }

    @Test
    @DisplayName("given a catalog, the chosen model answers and is the outcome's model; no choice = the default model")
    void chosenModel() {
        answersOk();

        answering.answer(asking("qwen-max", false), withCatalog());
        answering.answer(asking("", false), withCatalog());

        assertThat(provider.models).containsExactly("qwen-max", "qwen-plus");
        assertThat(outcomes.published).extracting(AnswerOutcome::model).containsExactly("qwen-max", "qwen-plus");
    }

    @Test
    @DisplayName("thinking is asked only of a model that can think; a thinking-only model always thinks")
    void thinkingAsTheModelAllows() {
        answersOk();

        answering.answer(asking("qwen-plus", true), withCatalog());
        answering.answer(asking("qwen-max", true), withCatalog());
        answering.answer(asking("qwq-plus", false), withCatalog());

        assertThat(provider.thinking).containsExactly(true, false, true);
    }

    @Test
    @DisplayName("a model the catalog does not offer (any more) is never called: the answer fails MODEL_NOT_OFFERED, no retry")
    void notOffered() {
        answersOk();

        answering.answer(asking("qwen-secret", false), withCatalog());

        assertThat(provider.calls).isEmpty();
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            AnswerEvent.AnswerFailed failed = (AnswerEvent.AnswerFailed) o.event();
            assertThat(failed.errorCode()).isEqualTo("MODEL_NOT_OFFERED");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(o.model()).isEqualTo("qwen-secret");
        });
    }
}
