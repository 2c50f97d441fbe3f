package io.chatstream.worker.routes;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import io.chatstream.worker.answering.application.StoppingAnswer;
import io.chatstream.worker.answering.infrastructure.AnswerDispatcher;
import io.chatstream.worker.answering.infrastructure.KafkaOffsets;
import io.chatstream.worker.answering.infrastructure.ModelCatalogPublication;
import io.chatstream.worker.answering.infrastructure.RouteAnswerSettings;
import io.chatstream.worker.answering.infrastructure.PromptCancelledTranslator;
import io.chatstream.worker.answering.infrastructure.PromptSubmittedTranslator;
import io.chatstream.worker.deadletters.application.DeadLetters;
import io.chatstream.worker.deadletters.infrastructure.DeadLetterMeter;
import io.chatstream.worker.deadletters.infrastructure.DeadLetterTranslator;
import io.chatstream.worker.deadletters.interfaces.DeadLetterOpsApi;
import io.chatstream.worker.deadletters.interfaces.OpsErrors;
import io.chatstream.worker.deadletters.interfaces.OpsGuard;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;

/**
 * The beans the route files call, under the names they call them. Use cases and adapters that reach
 * infrastructure are Mockito mocks; the payload translators and the ops guard and error replies have no
 * infrastructure, so they are the real ones, spied, and a route test sees their real verdicts. Imported by
 * {@link RouteTestApplication}, never scanned (no {@code @Configuration}), so it cannot leak into a test that
 * starts the worker itself.
 */
class RouteDoubles {

    /** The ops API's credentials in these tests (HTTP Basic). */
    static final String OPS_USER = "ops";
    static final String OPS_PASSWORD = "route-test-secret";

    @Bean
    PromptSubmittedTranslator promptSubmittedTranslator() {
        return spy(new PromptSubmittedTranslator());
    }

    @Bean
    AnswerDispatcher answerDispatcher() {
        return mock(AnswerDispatcher.class);
    }

    @Bean
    KafkaOffsets kafkaOffsets() {
        return mock(KafkaOffsets.class);
    }

    @Bean
    DeadLetterMeter deadLetterMeter() {
        return mock(DeadLetterMeter.class);
    }

    @Bean
    PromptCancelledTranslator promptCancelledTranslator() {
        return spy(new PromptCancelledTranslator());
    }

    @Bean
    StoppingAnswer stoppingAnswer() {
        return mock(StoppingAnswer.class);
    }

    @Bean
    DeadLetterTranslator deadLetterTranslator() {
        return spy(new DeadLetterTranslator());
    }

    @Bean
    DeadLetters deadLetters() {
        return mock(DeadLetters.class);
    }

    @Bean
    OpsGuard opsGuard() {
        return spy(new OpsGuard(OPS_USER, OPS_PASSWORD));
    }

    @Bean
    DeadLetterOpsApi dlqOpsApi() {
        return mock(DeadLetterOpsApi.class);
    }

    @Bean
    OpsErrors opsErrors() {
        return spy(new OpsErrors());
    }

    /** The title flow's step around a mocked use case (suggests nothing). */
    @Bean
    io.chatstream.worker.titling.infrastructure.TitleSuggestionStep titleSuggestionStep() {
        return new io.chatstream.worker.titling.infrastructure.TitleSuggestionStep(
                mock(io.chatstream.worker.titling.application.SuggestingTitle.class), Clock.systemUTC());
    }

    /** The real one: what it publishes is what the answer policy route left on the exchange. */
    @Bean
    ModelCatalogPublication modelCatalogPublication() {
        return new ModelCatalogPublication(new RouteAnswerSettings("qwen-plus", ""), Duration.ofHours(1),
                Clock.systemUTC());
    }
}
