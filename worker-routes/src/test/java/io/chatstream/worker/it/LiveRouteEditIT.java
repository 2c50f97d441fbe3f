package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.worker.WorkerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ops change the worker's routes live (docs/routes.md): an override in the routes folder replaces
 * the shipped answer-policy route at start-up (same route id, no clash), an edit changes the model,
 * the retry count and the first-token timeout of the next prompt without a restart, and a broken
 * edit is rejected with one log line while the running routes keep answering. Real Kafka, Redis and
 * the Bailian simulator behind a proxy that records the model name of each call.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "chat.routes.dir=" + LiveRouteEditIT.ROUTES_DIR)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveRouteEditIT {

    static final String ROUTES_DIR = "target/it-live-routes";
    private static final Path ROUTES = Path.of(ROUTES_DIR);
    private static final Path POLICY = ROUTES.resolve("answer-policy.camel.yaml");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WorkerInfra infra;
    private static KafkaProbe probe;
    private static RecordingProxy proxy;

    @Autowired
    CamelContext camel;

    @BeforeAll
    static void start() throws Exception {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
        proxy = new RecordingProxy(infra.simulator.baseUrl());
        if (Files.exists(ROUTES)) {
            try (Stream<Path> files = Files.walk(ROUTES)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(ROUTES);
        // Present before start-up: it must replace the shipped file, not clash with its route id.
        Files.writeString(POLICY, policy("qwen-at-start", "3", "{{chat.bailian.first-token-timeout}}"));
    }

    @AfterAll
    static void stop() throws Exception {
        probe.close();
        proxy.close();
        infra.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        infra.register(registry);
        registry.add("chat.bailian.base-url", proxy::baseUrl);
        // These tests read the model and bounds of every request the worker sends; a first answer would
        // also bring a title request (SessionTitleIT covers those).
        registry.add("chat.titles.enabled", () -> "false");
    }

    @Test
    @Order(1)
    @DisplayName("an override in the routes folder replaces the shipped route with the same id at start-up")
    void overrideAtStartUp() throws Exception {
        AnswerCompleted outcome = answer("Hello [sim:chunks=3]");

        assertThat(outcome.getStatus()).isEqualTo("completed");
        assertThat(outcome.getModel()).isEqualTo("qwen-at-start");
        assertThat(proxy.models).last().isEqualTo("qwen-at-start");
        assertThat(proxy.maxTokens).as("every answer is bounded by chat.bailian.max-tokens").last().isEqualTo("4096");
        assertThat(camel.getRoute("worker-answer-policy").getSourceResource().getLocation()).startsWith("file:");
    }

    @Test
    @Order(2)
    @DisplayName("an edited route file changes the model and the retry count of the next prompt without a restart")
    void modelAndRetriesLive(CapturedOutput output) throws Exception {
        // With the default 3 attempts this prompt would complete on its second attempt.
        replaceAndAwait(output, policy("qwen-live-edit", "1", "{{chat.bailian.first-token-timeout}}"), "reloaded");

        AnswerCompleted outcome = answer("Please fail once [sim:fail-first=1]");

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(outcome.getModel()).isEqualTo("qwen-live-edit");
        assertThat(proxy.models).last().isEqualTo("qwen-live-edit");

        replaceAndAwait(output, policy("qwen-live-edit", "3", "{{chat.bailian.first-token-timeout}}"), "reloaded");
        AnswerCompleted retried = answer("Please fail once more [sim:fail-first=1]");
        assertThat(retried.getStatus()).isEqualTo("completed");
        assertThat(retried.getAttempts()).isEqualTo(2);
    }

    @Test
    @Order(3)
    @DisplayName("an edited first-token timeout applies to the next prompt without a restart")
    void timeoutLive(CapturedOutput output) throws Exception {
        // The IT's start-up first-token timeout is 2s; a first token after 1.5 s arrives in time.
        assertThat(answer("Slow start [sim:delay=1500,5]").getStatus()).isEqualTo("completed");

        replaceAndAwait(output, policy("qwen-live-edit", "1", "300ms"), "reloaded");

        AnswerCompleted outcome = answer("Slow start again [sim:delay=1500,5]");
        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getErrorCode()).isEqualTo("TIMEOUT");
    }

    @Test
    @Order(4)
    @DisplayName("a broken edit is rejected with one clear log line and the running routes keep answering")
    void brokenEditsAreRejected(CapturedOutput output) throws Exception {
        replaceAndAwait(output, policy("qwen-good", "3", "{{chat.bailian.first-token-timeout}}"), "reloaded");
        String good = policy("qwen-good", "3", "{{chat.bailian.first-token-timeout}}");

        // each broken edit, and what its one log line must name
        List<List<String>> broken = List.of(
                List.of(good.replace("      steps:", "      steps: [oops"), "line"),
                List.of(good.replace("        - setProperty:\n            name: chatModel",
                        "        - frobnicate:\n            name: x\n        - setProperty:\n            name: chatModel"),
                        "frobnicate"),
                List.of(good.replace("uri: direct:answer-prompt-policy", "uri: nosuchscheme:answer-prompt-policy"),
                        "nosuchscheme"),
                List.of(good + "        - bean:\n            ref: noSuchBean\n            method: go\n", "noSuchBean"),
                List.of(good.replace("constant: qwen-good", "constant: \"{{chat.no.such.key}}\""),
                        "chat.no.such.key"));
        for (int i = 0; i < broken.size(); i++) {
            int n = i;
            String line = replaceAndAwait(output, broken.get(i).get(0), "REJECTED");
            assertThat(line).as("edit %d", n).contains("answer-policy.camel.yaml")
                    .contains("the running routes are unchanged").contains(broken.get(i).get(1));

            assertThat(camel.getRouteController().getRouteStatus("worker-answer-policy")).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRouteController().getRouteStatus("worker-answer-prompt")).isEqualTo(ServiceStatus.Started);
            AnswerCompleted outcome = answer("Still there? " + n + " [sim:chunks=2]");
            assertThat(outcome.getStatus()).isEqualTo("completed");
            assertThat(outcome.getModel()).as("edit %d", n).isEqualTo("qwen-good");
        }
    }

    @Test
    @Order(5)
    @DisplayName("a Kafka route file is checked without touching the running Kafka routes, and reloads live")
    void kafkaRouteFile(CapturedOutput output) throws Exception {
        Path cancel = ROUTES.resolve("cancel-prompt.camel.yaml");
        String shipped;
        try (InputStream in = LiveRouteEditIT.class.getResourceAsStream("/camel/cancel-prompt.camel.yaml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        String anchor = "        groupId: \"{{chat.worker.cancel-group-id}}\"\n";
        assertThat(shipped).contains(anchor);
        String rejected = replaceAndAwait(output, cancel, shipped.replace(anchor,
                anchor + "        noSuchOption: 1\n"), "REJECTED");
        assertThat(rejected).contains("noSuchOption");
        assertThat(answer("Kafka still fine [sim:chunks=2]").getStatus()).isEqualTo("completed");

        replaceAndAwait(output, cancel, shipped, "reloaded");
        assertThat(camel.getRouteController().getRouteStatus("worker-cancel-prompt")).isEqualTo(ServiceStatus.Started);
        assertThat(answer("Kafka after reload [sim:chunks=2]").getStatus()).isEqualTo("completed");
    }

    /** Replaces the file and returns the first log line about it containing {@code what} written after that. */
    private static String replaceAndAwait(CapturedOutput output, String content, String what) throws IOException {
        return replaceAndAwait(output, POLICY, content, what);
    }

    private static String replaceAndAwait(CapturedOutput output, Path file, String content, String what)
            throws IOException {
        int from = output.getAll().length();
        replace(file, content);
        String name = file.getFileName().toString();
        return await().atMost(WAIT).until(() -> output.getAll().substring(from).lines()
                .filter(l -> l.contains(name) && l.contains(what)).findFirst(),
                java.util.Optional::isPresent).get();
    }

    /** Edit a copy, then move it into place: the watcher never reads a half-written file. */
    private static void replace(Path file, String content) throws IOException {
        Path tmp = ROUTES.resolve("edit.tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The shipped answer-policy route with some placeholders replaced by values, as an operator would. */
    private static String policy(String model, String maxAttempts, String firstTokenTimeout) throws IOException {
        try (InputStream in = LiveRouteEditIT.class.getResourceAsStream("/camel/answer-policy.camel.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"{{chat.bailian.model}}\"", model)
                    .replace("\"{{chat.bailian.max-attempts}}\"", "\"" + maxAttempts + "\"")
                    .replace("\"{{chat.bailian.first-token-timeout}}\"", "\"" + firstTokenTimeout + "\"");
        }
    }

    private static AnswerCompleted answer(String text) throws Exception {
        PromptSubmitted prompt = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8), text,
                List.of());
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        return await().atMost(WAIT).until(() -> probe.outcomes.get(prompt.getRequestId()),
                o -> o != null && !o.isEmpty()).get(0);
    }
}
