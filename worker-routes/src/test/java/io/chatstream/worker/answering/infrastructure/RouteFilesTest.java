package io.chatstream.worker.answering.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.support.routes.ExternalRouteOverrides;
import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.domain.OfferedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class RouteFilesTest {

    private static final RouteAnswerSettings SETTINGS = new RouteAnswerSettings("qwen-plus", "");

    @Test
    @DisplayName("the answer route's exchange properties become the prompt's settings; unusable values fall back")
    void settingsFromTheRoute() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(ctx);
            exchange.setProperty(RouteAnswerSettings.MODEL, " qwen-max ");
            exchange.setProperty(RouteAnswerSettings.MAX_ATTEMPTS, "5");
            exchange.setProperty(RouteAnswerSettings.FIRST_TOKEN_TIMEOUT, "10s");
            exchange.setProperty(RouteAnswerSettings.IDLE_TIMEOUT, "500ms");
            exchange.setProperty(RouteAnswerSettings.TOTAL_TIMEOUT, "2m");
            exchange.setProperty(RouteAnswerSettings.MODELS, "qwen-max | Qwen-Max; qwq-plus | QwQ | thinking-only");
            AnswerSettings settings = SETTINGS.read(exchange);
            assertThat(settings).isEqualTo(new AnswerSettings("qwen-max", 5,
                    Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMinutes(2), settings.catalog()));
            assertThat(settings.catalog().models()).extracting(OfferedModel::id).containsExactly("qwen-max", "qwq-plus");
            assertThat(settings.catalog().defaultModel()).isEqualTo("qwen-max");

            exchange.setProperty(RouteAnswerSettings.MAX_ATTEMPTS, "0");
            exchange.setProperty(RouteAnswerSettings.FIRST_TOKEN_TIMEOUT, "soon");
            exchange.removeProperty(RouteAnswerSettings.MODEL);
            AnswerSettings fallback = SETTINGS.read(exchange);
            assertThat(fallback.maxAttempts()).isNull();
            assertThat(fallback.firstTokenTimeout()).isNull();
            assertThat(fallback.model()).isNull();
            // The start-up model and catalog (here: no catalog text, so only the start-up model).
            assertThat(fallback.catalog().defaultModel()).isEqualTo("qwen-plus");

            exchange.setProperty(RouteAnswerSettings.MODEL, "not a model!");
            assertThat(SETTINGS.read(exchange).model()).isNull();
        }
    }

    @Test
    @DisplayName("a file in the routes folder named like a shipped one keeps the shipped one out of the include pattern")
    void overrides(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("answer-policy.camel.yaml"), "[]");
        String include = "classpath:camel/*.camel.yaml,file:" + dir + "/*.camel.yaml";

        String result = ExternalRouteOverrides.withoutOverridden(include,
                Map.of("answer-policy.camel.yaml", Set.of("worker-answer-policy")),
                new PathMatchingResourcePatternResolver(), null);

        assertThat(result.split(",")).contains("classpath:camel/answer-prompt.camel.yaml",
                "classpath:camel/cancel-prompt.camel.yaml", "classpath:camel/error-handling.camel.yaml",
                "file:" + dir + "/*.camel.yaml").doesNotContain("classpath:camel/answer-policy.camel.yaml");
        assertThat(ExternalRouteOverrides.withoutFolder(include, dir.toString()))
                .isEqualTo("classpath:camel/*.camel.yaml");
    }

    @Test
    @DisplayName("a file in the routes folder declaring a shipped route id keeps that shipped file out, whatever its name")
    void overrideById() {
        String result = ExternalRouteOverrides.withoutOverridden("classpath:camel/*.camel.yaml",
                Map.of("my-cancel.camel.yaml", ExternalRouteOverrides.routeIds(
                        "- route:\n    id: worker-cancel-prompt\n    from:\n      uri: direct:x\n".getBytes())),
                new PathMatchingResourcePatternResolver(), null);

        assertThat(result.split(",")).contains("classpath:camel/answer-prompt.camel.yaml")
                .doesNotContain("classpath:camel/cancel-prompt.camel.yaml");
        assertThat(ExternalRouteOverrides.routeIds("not: [yaml".getBytes())).isEmpty();
    }
}
