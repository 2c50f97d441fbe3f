package io.chatstream.gateway.chat.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ModelChoice;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.backend.application.RecordingCommands;
import io.chatstream.gateway.backend.application.RecordingQueries;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A send's model and thinking, checked against the models offered (RecordingQueries' catalog). */
class ChoosingModelTest {

    private final RecordingCommands commands = new RecordingCommands();
    private final RecordingQueries queries = new RecordingQueries();
    private final MutableClock clock = new MutableClock();
    private final OfferedModels models = new OfferedModels(queries, Duration.ofSeconds(5), clock, Runnable::run);
    private final SendingPrompt sending = new SendingPrompt(commands, SendRateLimits.unlimited(), models);
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("an offered model is passed on; thinking not said follows the model: off, on by default, always")
    void offeredModel() {
        sending.send(alice, null, "Hi", "req-model-0001", "qwen-plus", null);
        sending.send(alice, null, "Hi", "req-model-0002", "qwen3-flash", null);
        sending.send(alice, null, "Hi", "req-model-0003", "qwq-plus", null);
        sending.send(alice, null, "Hi", "req-model-0004", "qwen3-flash", false);

        assertThat(commands.calls).containsExactly("submit - req-model-0001 qwen-plus",
                "submit - req-model-0002 qwen3-flash thinking", "submit - req-model-0003 qwq-plus thinking",
                "submit - req-model-0004 qwen3-flash");
    }

    @Test
    @DisplayName("a model not offered is 400 UNKNOWN_MODEL and nothing is sent; with no catalog published yet, every named model")
    void unknownModel() {
        assertThat(code(sending.send(alice, null, "Hi", null, "qwen-secret", true))).isEqualTo(GatewayCodes.UNKNOWN_MODEL);
        assertThat(commands.calls).isEmpty();

        RecordingQueries unpublished = new RecordingQueries();
        unpublished.models = Outcome.done(new ModelChoices(List.of(), ""));
        SendingPrompt early = new SendingPrompt(commands, SendRateLimits.unlimited(),
                new OfferedModels(unpublished, Duration.ofSeconds(5), clock, Runnable::run));
        assertThat(code(early.send(alice, null, "Hi", null, "qwen-plus", true))).isEqualTo(GatewayCodes.UNKNOWN_MODEL);
        assertThat(commands.calls).isEmpty();
    }

    @Test
    @DisplayName("an empty catalog read later does not replace the last real one")
    void emptyDoesNotReplace() {
        sending.send(alice, null, "Hi", "req-model-0011", "qwen-plus", null);
        queries.models = Outcome.done(new ModelChoices(List.of(), ""));
        clock.now = clock.now.plusSeconds(60);
        sending.send(alice, null, "Hi", "req-model-0012", "qwen-plus", null);

        assertThat(commands.calls).hasSize(2);
    }

    @Test
    @DisplayName("no model: the default one, without reading the catalog when thinking is said")
    void defaultModel() {
        sending.send(alice, null, "Hi", "req-model-0005", "", true);
        assertThat(queries.modelReads).isZero();
        sending.send(alice, null, "Hi", "req-model-0006", null, null);

        assertThat(commands.calls).containsExactly("submit - req-model-0005 thinking", "submit - req-model-0006");
    }

    @Test
    @DisplayName("the catalog is read once per cache period; when the query service fails, the last one read serves")
    void cachedAndStale() {
        sending.send(alice, null, "Hi", "req-model-0007", "qwen-plus", null);
        sending.send(alice, null, "Hi", "req-model-0008", "qwq-plus", null);
        assertThat(queries.modelReads).isEqualTo(1);

        queries.models = Outcome.rejected(GatewayCodes.DEPENDENCY_UNAVAILABLE, "down");
        clock.now = clock.now.plusSeconds(6);
        sending.send(alice, null, "Hi", "req-model-0009", "qwen-plus", null);
        assertThat(queries.modelReads).isEqualTo(2);
        assertThat(commands.calls).hasSize(3);
    }

    @Test
    @DisplayName("after the cache period the last catalog answers at once and one read runs in the background; "
            + "the sends meanwhile start no other read, and the read's catalog serves from then on")
    void staleWhileReading() {
        List<Runnable> reads = new ArrayList<>();
        SendingPrompt background = new SendingPrompt(commands, SendRateLimits.unlimited(),
                new OfferedModels(queries, Duration.ofSeconds(5), clock, reads::add));
        background.send(alice, null, "Hi", "req-model-0021", "qwen-plus", null);
        assertThat(queries.modelReads).as("the first catalog is waited for").isEqualTo(1);
        assertThat(reads).isEmpty();

        queries.models = Outcome.done(new ModelChoices(List.of(
                new ModelChoice("qwen-max", "Qwen-Max", "optional", false, 32768)), "qwen-max"));
        clock.now = clock.now.plusSeconds(6);
        background.send(alice, null, "Hi", "req-model-0022", "qwen-plus", null);
        background.send(alice, null, "Hi", "req-model-0023", "qwen-plus", null);
        assertThat(commands.calls).hasSize(3);
        assertThat(queries.modelReads).as("no send waited for a read").isEqualTo(1);
        assertThat(reads).as("one read for both sends").hasSize(1);

        reads.get(0).run();
        assertThat(queries.modelReads).isEqualTo(2);
        assertThat(code(background.send(alice, null, "Hi", null, "qwen-plus", null))).isEqualTo(GatewayCodes.UNKNOWN_MODEL);
        background.send(alice, null, "Hi", "req-model-0024", "qwen-max", null);
        assertThat(commands.calls).hasSize(4);

        clock.now = clock.now.plusSeconds(6);
        background.send(alice, null, "Hi", "req-model-0025", "qwen-max", null);
        assertThat(reads).as("a read once the next period ends").hasSize(2);
    }

    @Test
    @DisplayName("with no catalog ever read and the query service down, a named model is 503; an unnamed one goes on")
    void noCatalogAtAll() {
        queries.models = Outcome.rejected(GatewayCodes.DEPENDENCY_UNAVAILABLE, "down");

        assertThat(code(sending.send(alice, null, "Hi", null, "qwen-plus", null)))
                .isEqualTo(GatewayCodes.DEPENDENCY_UNAVAILABLE);
        sending.send(alice, null, "Hi", "req-model-0010", null, null);
        assertThat(commands.calls).containsExactly("submit - req-model-0010");
    }
}
