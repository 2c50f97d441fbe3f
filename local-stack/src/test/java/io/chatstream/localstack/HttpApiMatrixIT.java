package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10's bad-input and isolation matrices against the whole stack (one stack for both): every
 * row of {@code docs/http-api-errors.md} is one test that sends its request and gets exactly the
 * documented status and JSON error code, never a 5xx, and after each one neither the caller nor the
 * other user has anything new or changed stored (their sessions, titles and messages, via the API).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpApiMatrixIT {

    static final Path DOC = RunningStack.projectRoot().resolve("docs/http-api-errors.md");
    /** {@code | B01 | POST /api/chat/send | empty prompt | 400 | PROMPT_EMPTY |} */
    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*([ABI]\\d\\d)\\s*\\|\\s*(.+?)\\s*\\|\\s*(.+?)\\s*\\|\\s*(\\d{3})\\s*\\|\\s*`?([A-Z_]+)`?\\s*\\|\\s*$");

    private RunningStack stack;
    private ApiClient api;
    private ApiCases.Ctx ctx;
    private List<String> callerBefore;
    private List<String> otherBefore;
    private String thirdToken;

    @BeforeAll
    void start() throws Exception {
        // A small daily token budget, so that row A26 can use one up with a single answer; no other row comes near it.
        stack = RunningStack.start("matrix", "--service-jvm-opts=-Xms64m -Xmx512m -XX:+UseSerialGC -Dchat.quota.daily-tokens=20000");
        api = new ApiClient(stack.gateway());
        String run = Long.toString(System.nanoTime(), 36);
        String caller = "matrix-caller-" + run;
        String token = api.devToken(caller);
        String otherToken = api.devToken("matrix-other-" + run);
        thirdToken = api.devToken("matrix-third-" + run);
        JsonNode own = api.send(token, "{\"prompt\":\"the caller's own question\"}");
        JsonNode other = api.send(otherToken, "{\"prompt\":\"the other user's private question\"}");
        // Generating for the whole run, so that stop/stream cells meet a live foreign request too.
        JsonNode inFlight = api.send(thirdToken, "{\"prompt\":\"a very long answer [sim:chunks=400] [sim:delay=50,100]\"}");
        api.stream(token, own.get("request_id").asText());
        api.stream(otherToken, other.get("request_id").asText());
        ctx = new ApiCases.Ctx(api, caller, token, own.get("session_id").asText(), own.get("request_id").asText(),
                otherToken, other.get("session_id").asText(), other.get("request_id").asText(),
                inFlight.get("request_id").asText());
        callerBefore = settled(token);
        otherBefore = settled(otherToken);
    }

    @AfterAll
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    static Stream<Arguments> documentedCases() throws Exception {
        return rows().stream().map(row -> Arguments.of(row[0], row[1], row[2], Integer.parseInt(row[3]), row[4]));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}: {2} -> {3} {4}")
    @MethodSource("documentedCases")
    void matrix(String id, String endpoint, String what, int status, String code) throws Exception {
        ApiCases.Case c = ApiCases.CASES.get(id);
        assertThat(c).as("%s is documented but has no request in ApiCases", id).isNotNull();

        HttpResponse<String> r = c.run(ctx);

        assertThat(r.statusCode()).as("%s %s: %s", id, what, r.body()).isLessThan(500).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(id).get().asString().startsWith("application/json");
        JsonNode error = ApiClient.json(r).get("error");
        assertThat(error).as("%s error body: %s", id, r.body()).isNotNull();
        assertThat(error.get("code").asText()).as("%s: %s", id, r.body()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(api.snapshot(ctx.token())).as("%s stored nothing for the caller", id).isEqualTo(callerBefore);
        assertThat(api.snapshot(ctx.otherToken())).as("%s changed nothing of the other user", id).isEqualTo(otherBefore);
    }

    @Test
    @Order(2)
    @DisplayName("the document and the test agree: every case is documented, every row is tested, 40+ bad inputs")
    void documentAndCasesAgree() throws Exception {
        List<String> documented = rows().stream().map(row -> row[0]).toList();
        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ApiCases.CASES.keySet());
        assertThat(documented.stream().filter(id -> !id.startsWith("I"))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(documented.stream().filter(id -> id.startsWith("I"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    @Order(3)
    @DisplayName("HTML, SQL and script payloads are accepted, stored verbatim and returned as inert JSON text")
    void payloadsStoredVerbatim() throws Exception {
        String token = api.devToken("matrix-payloads-" + Long.toString(System.nanoTime(), 36));
        List<String> payloads = List.of("<img src=x onerror=\"alert(1)\">", "'); DROP TABLE prompts; -- \" OR 1=1",
                "<script>alert(document.cookie)</script>", "{{7*7}} ${7*7} %s %n \\u0000");
        for (String payload : payloads) {
            JsonNode accepted = api.send(token, "{\"prompt\":" + quote(payload + " [sim:echo]") + "}");
            String events = api.stream(token, accepted.get("request_id").asText());
            assertThat(events).contains("event:done");
            String session = accepted.get("session_id").asText();
            HttpResponse<String> renamed = api.call("PATCH", "/api/chat/sessions/" + session, token,
                    ("{\"title\":" + quote(payload) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode messages = ApiClient.json(api.get("/api/chat/sessions/" + session + "/messages", token)).get("messages");
                assertThat(messages.get(0).get("content").asText()).isEqualTo(payload + " [sim:echo]");
                assertThat(messages.get(1).get("content").asText()).isEqualTo(payload.strip());
                assertThat(messages.get(1).get("status").asText()).isEqualTo("completed");
            });
            HttpResponse<String> list = api.get("/api/chat/sessions", token);
            assertThat(list.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            // Markup travels as JSON string data, which browsers never sniff into a document.
            assertThat(list.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(ApiClient.json(list).get("sessions").findValuesAsText("title")).contains(payload.strip());
        }
    }

    @Test
    @Order(4)
    @DisplayName("the foreign in-flight answer that the matrix tried to stop and read still completes in full")
    void foreignAnswerUntouched() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> third = api.snapshot(thirdToken);
            assertThat(third).anyMatch(line -> line.startsWith("  assistant completed "));
        });
    }

    @Test
    @Order(5)
    @DisplayName("unknown and foreign request ids get their 404 within 1 s (p99); a stream opened right after its send still streams")
    void unknownRequestIdsAnswerFast() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("req-never-sent-" + Long.toString(System.nanoTime(), 36));
            ids.add(ctx.otherRequest());
            ids.add(ctx.otherInFlight());
        }
        List<Long> millis = new ArrayList<>();
        for (String id : ids) {
            long started = System.nanoTime();
            HttpResponse<String> r = api.get("/api/chat/stream?request_id=" + id, ctx.token());
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(r.statusCode()).as("%s: %s", id, r.body()).isEqualTo(404);
            assertThat(ApiClient.json(r).get("error").get("code").asText()).isEqualTo("REQUEST_NOT_FOUND");
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        System.out.printf("stream 404 latency over %d unknown/foreign ids: p50 %d ms, p99 %d ms, max %d ms%n",
                sorted.size(), sorted.get(sorted.size() / 2), p99, sorted.get(sorted.size() - 1));
        assertThat(p99).as("p99 of %s", sorted).isLessThan(1_000);

        // Streamed the moment the send returns: the query side usually does not know the request yet, the
        // command service confirms it, and the stream waits for the projection instead of a false 404.
        String token = api.devToken("matrix-quick-" + Long.toString(System.nanoTime(), 36));
        for (int i = 0; i < 5; i++) {
            JsonNode accepted = api.send(token, "{\"prompt\":\"quick question " + i + "\"}");
            assertThat(api.stream(token, accepted.get("request_id").asText())).contains("event:done");
        }
    }

    @Test
    @Order(6)
    @DisplayName("search never shows another user's text: the other user's prompt is found by its owner only")
    void searchIsolation() throws Exception {
        String search = "/api/chat/search?q=" + ApiClient.enc("PRIVATE question");

        HttpResponse<String> mine = api.get(search, ctx.token());
        HttpResponse<String> theirs = api.get(search, ctx.otherToken());

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(ApiClient.json(mine).get("hits")).as(mine.body()).isEmpty();
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);
        assertThat(ApiClient.json(theirs).get("hits").findValuesAsText("request_id")).as(theirs.body())
                .contains(ctx.otherRequest());
    }

    /**
     * The user's state once every answer in it has finished (the projection lags the stream a little) and the
     * conversation has its generated title: the worker suggests one after the first answer and the command service
     * applies it a moment later, so a state read before that would change under every row. The simulator's title
     * is the prompt in Title Case, so the session line no longer ends with the prompt as sent (lower case here).
     */
    private List<String> settled(String token) {
        List<List<String>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<String> now = api.snapshot(token);
            last.add(now);
            String prompt = now.stream().filter(l -> l.startsWith("  user submitted ")).findFirst()
                    .map(l -> l.substring("  user submitted ".length())).orElse(null);
            boolean titled = prompt != null && now.stream().filter(l -> l.startsWith("session "))
                    .noneMatch(l -> l.endsWith(" " + prompt));
            return titled && now.stream().anyMatch(l -> l.startsWith("  assistant completed"));
        });
        return last.get(last.size() - 1);
    }

    static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                rows.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
            }
        }
        return rows;
    }

    private static String quote(String s) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }
}
