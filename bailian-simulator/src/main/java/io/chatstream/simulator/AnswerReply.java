package io.chatstream.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one answer, as DashScope SSE deltas ({@link DeltaStream}) or as one JSON body, following the
 * request's scenario: reasoning first when the request thinks ({@link Thinking}), then the content.
 */
final class AnswerReply {

    /** Result chunks sent before a mid-stream error or a cut. */
    private static final int CHUNKS_BEFORE_FAILURE = 3;
    private static final int ECHO_CHUNKS = 3;

    private final HttpExchange exchange;
    private final String requestId;
    private final GenerationRequest request;
    private final Directives directives;
    private final SimulatorSettings settings;
    private final SimulatorStats stats;
    private final boolean multimodal;
    private final int inputTokens;

    AnswerReply(HttpExchange exchange, String requestId, GenerationRequest request, Directives directives,
                SimulatorSettings settings, SimulatorStats stats, boolean multimodal) {
        this.exchange = exchange;
        this.requestId = requestId;
        this.request = request;
        this.directives = directives;
        this.settings = settings;
        this.stats = stats;
        this.multimodal = multimodal;
        this.inputTokens = request.inputTokens();
    }

    void send(boolean stream) throws IOException {
        List<String> chunks = chunks();
        String finishReason = "stop";
        if (request.maxTokens() != null && chunks.size() > request.maxTokens()) {
            // max_tokens counts deltas, not estimated tokens: an answer asked for by chunk count is
            // cut where the caller expects, whatever its language (README, "Known gaps").
            chunks = chunks.subList(0, request.maxTokens());
            finishReason = "length";
        }
        List<String> reasoning = reasoning();
        if (stream) {
            stream(reasoning, chunks, finishReason);
        } else {
            whole(reasoning, chunks, finishReason);
        }
    }

    private void stream(List<String> reasoning, List<String> chunks, String finishReason) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", WireFormat.EVENT_STREAM);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        exchange.sendResponseHeaders(200, 0);
        stats.streamOpened();
        try {
            DeltaStream deltas = new DeltaStream(exchange.getResponseBody(), requestId, inputTokens, multimodal,
                    !reasoning.isEmpty());
            Pacing pacing = new Pacing();
            for (String piece : reasoning) {
                pacing.awaitNext(deltas.events() == 0 ? firstTokenDelay() : interChunkDelay());
                deltas.reasoning(piece);
            }
            switch (directives.outcome()) {
                case ERROR_MID -> {
                    sendChunks(deltas, pacing, chunks, failurePoint(chunks));
                    deltas.error(directives.errorCode());
                }
                case CUT -> {
                    sendChunks(deltas, pacing, chunks, failurePoint(chunks));
                    throw new ConnectionCut("[sim:cut]");
                }
                case STALL -> {
                    sendChunks(deltas, pacing, chunks, Math.min(1, chunks.size()));
                    pause(stallLength());
                    throw new ConnectionCut("[sim:stall] ended after " + stallLength());
                }
                default -> {
                    sendChunks(deltas, pacing, chunks, chunks.size());
                    deltas.finish(finishReason);
                    stats.streamCompleted();
                }
            }
        } finally {
            stats.streamClosed();
        }
    }

    /** The non-streaming API (and {@code [sim:plain200]}): the same scenarios, answered in one JSON body. */
    private void whole(List<String> reasoning, List<String> chunks, String finishReason) throws IOException {
        pause(firstTokenDelay());
        switch (directives.outcome()) {
            case ERROR_MID -> Replies.error(exchange, directives.errorCode(), requestId);
            case CUT -> throw new ConnectionCut("[sim:cut]");
            case STALL -> {
                pause(stallLength());
                throw new ConnectionCut("[sim:stall] ended after " + stallLength());
            }
            default -> {
                String content = String.join("", chunks);
                String thought = reasoning.isEmpty() ? null : String.join("", reasoning);
                int reasoningTokens = thought == null ? 0 : TokenEstimate.of(thought);
                Usage usage = new Usage(inputTokens, reasoningTokens + TokenEstimate.of(content), reasoningTokens);
                Replies.json(exchange, 200, WireFormat.json(WireFormat.resultPayload(content, thought, finishReason,
                        usage, requestId, multimodal)), requestId);
            }
        }
    }

    /** The content deltas, paced by {@link Pacing}; a stamped delta carries the time it was due. */
    private void sendChunks(DeltaStream deltas, Pacing pacing, List<String> chunks, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            pacing.awaitNext(deltas.events() == 0 ? firstTokenDelay() : interChunkDelay());
            String chunk = chunks.get(i);
            deltas.content(chunk, directives.stamp() ? EmitStamp.prefix(pacing.dueMicros()) + chunk : chunk);
        }
        if (deltas.events() == 0) {
            pacing.awaitNext(firstTokenDelay());
        }
    }

    /** The reasoning deltas of a thinking answer ({@link Thinking}), empty when it does not think. */
    private List<String> reasoning() {
        int deltas = Thinking.reasoningDeltas(request, directives, settings.answerChunks());
        return deltas == 0 ? List.of() : ReasoningText.chunks(request.lastUserText(), deltas);
    }

    private List<String> chunks() {
        return switch (directives.outcome()) {
            case COUNT -> List.of(
                    "messages=" + request.messages().size() + " ",
                    "user=" + request.countRole("user") + " assistant=" + request.countRole("assistant")
                            + " system=" + request.countRole("system"));
            case ECHO -> split(directives.strippedText(), ECHO_CHUNKS);
            default -> TitleReply.of(request).map(title -> split(title, ECHO_CHUNKS))
                    .orElseGet(() -> AnswerText.chunks(request.lastUserText(), directives.chunkCount(settings.answerChunks())));
        };
    }

    private static int failurePoint(List<String> chunks) {
        return Math.min(CHUNKS_BEFORE_FAILURE, Math.max(0, chunks.size() - 1));
    }

    /** Splits on code point boundaries so no surrogate pair is torn between two events. */
    static List<String> split(String text, int parts) {
        List<String> chunks = new ArrayList<>(parts);
        int codePoints = text.codePointCount(0, text.length());
        int begin = 0;
        for (int part = 1; part <= parts && begin < text.length(); part++) {
            int target = (int) ((long) codePoints * part / parts);
            int end = text.offsetByCodePoints(0, target);
            if (end > begin) {
                chunks.add(text.substring(begin, end));
                begin = end;
            }
        }
        return chunks;
    }

    private Duration firstTokenDelay() {
        return directives.firstToken() != null ? directives.firstToken() : settings.firstTokenDelay();
    }

    private Duration interChunkDelay() {
        return directives.interChunk() != null ? directives.interChunk() : settings.interChunkDelay();
    }

    private Duration stallLength() {
        Duration requested = directives.stall();
        return requested != null && requested.compareTo(settings.maxStall()) < 0 ? requested : settings.maxStall();
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            // Only close() interrupts: drop the connection instead of finishing the answer.
            Thread.currentThread().interrupt();
            throw new ConnectionCut("simulator closing");
        }
    }
}
