package io.chatstream.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.simulator.AnswerText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N conversations, each a user sending one prompt after another into its own session and
 * following every answer to its end, for as long as the load runs. Every fifth turn regenerates
 * the answer before it and every seventh edits the prompt before it (new versions of that turn).
 * Every prompt text is unique to its turn, so the simulator's deterministic answer
 * ({@link AnswerText#text}) is known in advance. Afterwards {@link #verify} checks every accepted
 * prompt against the history API: on the shown branch exactly one user and one assistant message,
 * the assistant text equal to the expected answer or an explicit failure; a prompt replaced by a
 * later version is listed among the versions of its turn.
 */
final class ChatLoad implements AutoCloseable {

    /** Answer length in chunks and pacing, so that a kill lands while answers are streaming. */
    private final int chunks;
    private final String pacing;
    private final StackClient client;
    private final int conversations;
    private final String runId;
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();
    private final ConcurrentLinkedQueue<Turn> turns = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** While a component is down no deadline runs; after it is back every answer has 60 s more. */
    private final AtomicLong outageUntil = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean outage;

    /** One accepted prompt and what its reader saw; {@code versionOf}: the prompt it replaced (null for a new turn). */
    record Turn(String user, String sessionId, String requestId, String prompt, long acceptedAtNanos,
                StackClient.Streamed streamed, String versionOf) {
    }

    ChatLoad(StackClient client, int conversations, int chunks, int firstTokenMs, int chunkMs, String runId) {
        this.client = client;
        this.conversations = conversations;
        this.chunks = chunks;
        this.pacing = "[sim:chunks=" + chunks + "][sim:delay=" + firstTokenMs + "," + chunkMs + "]";
        this.runId = runId;
        this.pool = Executors.newFixedThreadPool(conversations, r -> {
            Thread t = new Thread(r, "chat-load");
            t.setDaemon(true);
            return t;
        });
        outageUntil.set(0);
    }

    void start() {
        for (int i = 0; i < conversations; i++) {
            String user = "load-" + runId + "-" + i;
            running.add(pool.submit(() -> converse(user)));
        }
    }

    /** A component is being killed: readers keep trying without a deadline until {@link #recovered()}. */
    void outageBegins() {
        outage = true;
    }

    /** The component is back: from now on every open answer must end within 60 s. */
    void recovered() {
        outageUntil.set(System.nanoTime());
        outage = false;
    }

    int acceptedSoFar() {
        return turns.size();
    }

    private long deadline(long acceptedAt) {
        if (outage) {
            return Long.MAX_VALUE;
        }
        return Math.max(acceptedAt, outageUntil.get()) + Duration.ofSeconds(60).toNanos();
    }

    private Void converse(String user) throws InterruptedException {
        long setup = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        String token = client.token(user, setup);
        tokens.put(user, token);
        String session = null;
        Turn last = null;
        int n = 0;
        while (!stopping) {
            n++;
            String prompt;
            String versionOf = null;
            StackClient.Sent sent;
            if (last != null && n % 5 == 0) {
                prompt = last.prompt();
                versionOf = last.requestId();
                sent = client.regenerate(token, session, versionOf, Long.MAX_VALUE);
            } else if (last != null && n % 7 == 0) {
                prompt = "Conversation " + user + " turn " + n + " edited " + pacing;
                versionOf = last.requestId();
                sent = client.edit(token, session, versionOf, prompt, Long.MAX_VALUE);
            } else {
                prompt = "Conversation " + user + " turn " + n + " " + pacing;
                sent = client.send(token, session, prompt, Long.MAX_VALUE);
            }
            if (!sent.accepted()) {
                refusals.add(user + " turn " + n + ": " + sent.refusal());
                Thread.sleep(1000);
                continue;
            }
            session = sent.sessionId();
            long acceptedAt = System.nanoTime();
            StackClient.Streamed streamed = client.follow(token, sent.requestId(), () -> deadline(acceptedAt));
            last = new Turn(user, session, sent.requestId(), prompt, acceptedAt, streamed, versionOf);
            turns.add(last);
        }
        return null;
    }

    /**
     * The longest wait for an event of every reader whose answer was streaming at {@code atNanos} (only
     * answers that had begun before and went on after it): the user-visible stall of something that
     * happened then ({@link StackClient.Streamed#stallAfter}).
     */
    List<Duration> stallsAt(long atNanos) {
        List<Duration> stalls = new ArrayList<>();
        for (Turn t : turns) {
            List<Long> arrivals = t.streamed() == null ? List.of() : t.streamed().arrivals();
            if (!arrivals.isEmpty() && arrivals.get(0) < atNanos && t.streamed().endedAtNanos() > atNanos) {
                stalls.add(t.streamed().stallAfter(atNanos));
            }
        }
        return stalls;
    }

    /** Error events without a seq (a page shows them as a failed answer) that readers saw, in all. */
    int transportErrors() {
        return turns.stream().filter(t -> t.streamed() != null).mapToInt(t -> t.streamed().transportErrors()).sum();
    }

    /** Stops starting new turns and waits until every conversation has seen its last answer end. */
    void finish(Duration timeout) throws Exception {
        stopping = true;
        long end = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : running) {
            f.get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        stopping = true;
        pool.shutdownNow();
    }

    /** Figures of one load run, checked against the history API. */
    record Verdict(int accepted, int completed, int failedExplicitly, int lost, int duplicated, int wrongText,
                   int streamGaps, int reconnects, List<String> problems, List<String> refusals) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && wrongText == 0 && streamGaps == 0;
        }
    }

    /**
     * Checks every accepted prompt: its reader saw a terminal event with gapless ids and (for done)
     * the expected text; the history holds exactly one user message with the prompt and one terminal
     * assistant message with the same outcome; no message belongs to a prompt never accepted.
     * History is eventually consistent, so it is read until it agrees or {@code patience} runs out.
     */
    Verdict verify(Duration patience) throws Exception {
        List<Turn> all = new ArrayList<>(turns);
        Map<String, List<Turn>> bySession = new HashMap<>();
        all.forEach(t -> bySession.computeIfAbsent(t.sessionId(), k -> new ArrayList<>()).add(t));
        long until = System.nanoTime() + patience.toNanos();
        List<String> problems;
        int completed;
        int failed;
        int lost;
        int duplicated;
        int wrongText;
        int gaps;
        int reconnects;
        do {
            problems = new ArrayList<>();
            completed = 0;
            failed = 0;
            lost = 0;
            duplicated = 0;
            wrongText = 0;
            gaps = 0;
            reconnects = 0;
            for (Map.Entry<String, List<Turn>> session : bySession.entrySet()) {
                String user = session.getValue().get(0).user();
                List<JsonNode> messages = client.history(tokens.get(user), session.getKey());
                Map<String, List<JsonNode>> byRequest = new HashMap<>();
                messages.forEach(m -> byRequest.computeIfAbsent(m.path("request_id").asText(), k -> new ArrayList<>()).add(m));
                java.util.Set<String> versions = new java.util.HashSet<>();
                messages.forEach(m -> m.path("versions").forEach(v -> versions.add(v.asText())));
                java.util.Set<String> replaced = new java.util.HashSet<>();
                session.getValue().stream().map(Turn::versionOf).filter(java.util.Objects::nonNull).forEach(replaced::add);
                for (Turn t : session.getValue()) {
                    StackClient.Streamed s = t.streamed();
                    reconnects += s.connections() - 1;
                    if (replaced.contains(t.requestId())) {
                        // Off the shown branch: kept as a version of its turn, and its reader saw it end whole.
                        String expected = AnswerText.text(t.prompt(), chunks);
                        if (!versions.contains(t.requestId()) || !s.ended()) {
                            lost++;
                            problems.add(t.requestId() + ": replaced, " + (versions.contains(t.requestId())
                                    ? "listed as a version" : "not listed as a version") + ", stream "
                                    + (s.ended() ? s.terminal() : "never ended"));
                        } else if (!s.gapless()) {
                            gaps++;
                            problems.add(t.requestId() + ": stream ids " + s.ids());
                        } else if (s.terminal().equals("done")) {
                            completed++;
                            if (!s.text().equals(expected)) {
                                wrongText++;
                                problems.add(t.requestId() + ": replaced version streamed another text");
                            }
                        } else {
                            failed++;
                        }
                        if (byRequest.containsKey(t.requestId())) {
                            duplicated++;
                            problems.add(t.requestId() + ": replaced, but still on the shown branch");
                        }
                        continue;
                    }
                    List<JsonNode> mine = byRequest.getOrDefault(t.requestId(), List.of());
                    List<JsonNode> userMessages = mine.stream().filter(m -> m.path("role").asText().equals("user")).toList();
                    List<JsonNode> answers = mine.stream().filter(m -> m.path("role").asText().equals("assistant")).toList();
                    if (userMessages.size() > 1 || answers.size() > 1) {
                        duplicated++;
                        problems.add(t.requestId() + ": " + userMessages.size() + " user and " + answers.size() + " assistant messages");
                        continue;
                    }
                    String status = answers.isEmpty() ? "missing" : answers.get(0).path("status").asText();
                    boolean terminal = status.equals("completed") || status.equals("failed") || status.equals("stopped");
                    if (!s.ended() || userMessages.isEmpty() || !terminal) {
                        lost++;
                        problems.add(t.requestId() + ": stream " + (s.ended() ? s.terminal() : "never ended") + ", "
                                + userMessages.size() + " user message(s), assistant " + status);
                        continue;
                    }
                    if (!s.gapless()) {
                        gaps++;
                        problems.add(t.requestId() + ": stream ids " + s.ids());
                    }
                    String expected = AnswerText.text(t.prompt(), chunks);
                    if (!userMessages.get(0).path("content").asText().equals(t.prompt())) {
                        wrongText++;
                        problems.add(t.requestId() + ": user message differs from the prompt");
                    }
                    if (s.terminal().equals("done")) {
                        completed++;
                        if (!status.equals("completed") || !s.text().equals(expected)
                                || !answers.get(0).path("content").asText().equals(expected)) {
                            wrongText++;
                            problems.add(t.requestId() + ": done but history " + status + ", texts equal to the expected: stream "
                                    + s.text().equals(expected) + ", history " + answers.get(0).path("content").asText().equals(expected));
                        }
                    } else {
                        failed++;
                        if (!status.equals("failed")) {
                            problems.add(t.requestId() + ": stream error " + s.errorCode() + " but history " + status);
                            wrongText++;
                        }
                    }
                }
                long strangers = byRequest.keySet().stream()
                        .filter(id -> session.getValue().stream().noneMatch(t -> t.requestId().equals(id))).count();
                if (strangers > 0) {
                    duplicated += (int) strangers;
                    problems.add(session.getKey() + ": " + strangers + " message group(s) of prompts never accepted");
                }
            }
            if (problems.isEmpty() || System.nanoTime() > until) {
                break;
            }
            Thread.sleep(2000);
        } while (true);
        return new Verdict(all.size(), completed, failed, lost, duplicated, wrongText, gaps, reconnects,
                problems, new ArrayList<>(refusals));
    }
}
