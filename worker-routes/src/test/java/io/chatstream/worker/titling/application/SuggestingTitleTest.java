package io.chatstream.worker.titling.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Role;
import io.chatstream.worker.answering.domain.Turn;
import io.chatstream.worker.titling.domain.SuggestedTitle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Suggesting a title after the first answer")
class SuggestingTitleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final TitleSettings SETTINGS = new TitleSettings(true, "qwen-flash", "Give a title.", 30, 10,
            Duration.ofMillis(200), Duration.ofMinutes(10));

    private final List<List<Turn>> asked = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private SuggestingTitle suggesting(TitleSettings settings, Consumer<ModelProvider.Listener> reply) {
        ModelProvider provider = new ModelProvider() {
            @Override
            public Stream stream(List<Turn> conversation, Listener listener) {
                throw new AssertionError("the title model is always named");
            }

            @Override
            public Stream stream(String model, boolean thinking, List<Turn> conversation, Listener listener) {
                assertThat(model).isEqualTo(settings.model());
                asked.add(conversation);
                reply.accept(listener);
                return () -> { };
            }
        };
        TitleMetrics metrics = new TitleMetrics() {
            @Override
            public void suggested() {
            }

            @Override
            public void failed(String reason) {
                failures.add(reason);
            }
        };
        return new SuggestingTitle(provider, settings, metrics, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static FirstAnswer answer(int turn, boolean completed) {
        return new FirstAnswer("s-1", "alice", "trace", turn, completed, "How do Kafka consumer groups work?",
                "They share partitions.", NOW.minusSeconds(5));
    }

    private static void replies(ModelProvider.Listener listener, String text) {
        listener.onComplete(new ProviderResponse(text, "stop", 10, 3));
    }

    @Test
    @DisplayName("a completed first answer gets the model's cleaned title, asked with the instruction and the cut turn")
    void firstAnswer() {
        TitleOutcome outcome = suggesting(SETTINGS, l -> replies(l, "**Kafka Consumer Groups.**")).suggest(answer(1, true));

        assertThat(outcome).isEqualTo(new TitleOutcome.Suggested(new SuggestedTitle("Kafka Consumer Groups")));
        assertThat(asked).singleElement().satisfies(turns -> {
            assertThat(turns.get(0)).isEqualTo(new Turn(Role.SYSTEM, "Give a title."));
            assertThat(turns.get(1).content()).isEqualTo("First message:\nHow do Kaf\n\nFirst answer:\nThey share");
        });
    }

    @Test
    @DisplayName("later turns, unfinished answers, old answers and switched-off titles ask nothing")
    void notNeeded() {
        SuggestingTitle suggesting = suggesting(SETTINGS, l -> replies(l, "x"));
        assertThat(suggesting.suggest(answer(2, true))).isInstanceOf(TitleOutcome.NotNeeded.class);
        assertThat(suggesting.suggest(answer(1, false))).isInstanceOf(TitleOutcome.NotNeeded.class);
        FirstAnswer old = new FirstAnswer("s-1", "alice", "t", 1, true, "p", "a", NOW.minus(Duration.ofHours(1)));
        assertThat(suggesting.suggest(old)).isInstanceOf(TitleOutcome.NotNeeded.class);
        TitleSettings off = new TitleSettings(false, "qwen-flash", "i", 30, 10, Duration.ofSeconds(1), Duration.ofMinutes(10));
        assertThat(suggesting(off, l -> replies(l, "x")).suggest(answer(1, true))).isInstanceOf(TitleOutcome.NotNeeded.class);
        assertThat(asked).isEmpty();
    }

    @Test
    @DisplayName("a provider error, a timeout or an empty reply is a counted failure, never an exception")
    void failures() {
        assertThat(suggesting(SETTINGS, l -> l.onError(new ProviderError("Throttling", "slow down", 429)))
                .suggest(answer(1, true))).isEqualTo(new TitleOutcome.Failed("Throttling"));
        assertThat(suggesting(SETTINGS, l -> { }).suggest(answer(1, true))).isEqualTo(new TitleOutcome.Failed("TIMEOUT"));
        assertThat(suggesting(SETTINGS, l -> replies(l, "“”")).suggest(answer(1, true)))
                .isEqualTo(new TitleOutcome.Failed("EMPTY_TITLE"));
        assertThat(suggesting(SETTINGS, l -> { throw new IllegalStateException("boom"); }).suggest(answer(1, true)))
                .isEqualTo(new TitleOutcome.Failed("PROVIDER_ERROR"));
        assertThat(failures).containsExactly("Throttling", "TIMEOUT", "EMPTY_TITLE", "PROVIDER_ERROR");
    }
}
