package io.chatstream.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes one answer, as DashScope SSE deltas or as one JSON body, following the request's scenario. */
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
            // One chunk counts as one output token, so max_tokens truncates like the real service.
            chunks = chunks.subList(0, request.maxTokens());
            finishReason = "length";
        }
        if (stream) {
            stream(chunks, finishReason);
        } else {
            whole(chunks, finishReason);
        }
    }

    private void stream(List<String> chunks, String finishReason) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", WireFormat.EVENT_STREAM);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        exchange.sendResponseHeaders(200, 0);
        stats.streamOpened();
        try {
            OutputStream out = exchange.getResponseBody();
            switch (directives.outcome()) {
                case ERROR_MID -> {
                    int sent = sendChunks(out, chunks, failurePoint(chunks));
                    write(out, WireFormat.errorEvent(sent + 1, 500, "InternalError.Algo",
                            "An internal error has occured during model inference, please try again later.",
                            requestId));
                }
                case CUT -> {
                    sendChunks(out, chunks, failurePoint(chunks));
                    throw new ConnectionCut("[sim:cut]");
                }
                case STALL -> {
                    sendChunks(out, chunks, Math.min(1, chunks.size()));
                    pause(stallLength());
                    throw new ConnectionCut("[sim:stall] ended after " + stallLength());
                }
                default -> {
                    int sent = sendChunks(out, chunks, chunks.size());
                    write(out, WireFormat.resultEvent(sent + 1, "", finishReason, inputTokens, sent, requestId,
                            multimodal));
                    stats.streamCompleted();
                }
            }
        } finally {
            stats.streamClosed();
        }
    }

    /** The non-streaming API: the same scenarios, answered in one JSON body. */
    private void whole(List<String> chunks, String finishReason) throws IOException {
        pause(firstTokenDelay());
        switch (directives.outcome()) {
            case ERROR_MID -> Replies.error(exchange, 500, "InternalError.Algo",
                    "An internal error has occured during model inference, please try again later.", requestId);
            case CUT -> throw new ConnectionCut("[sim:cut]");
            case STALL -> {
                pause(stallLength());
                throw new ConnectionCut("[sim:stall] ended after " + stallLength());
            }
            default -> Replies.json(exchange, 200, WireFormat.json(WireFormat.resultPayload(String.join("", chunks),
                    finishReason, inputTokens, chunks.size(), requestId, multimodal)), requestId);
        }
    }

    private int sendChunks(OutputStream out, List<String> chunks, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            pause(i == 0 ? firstTokenDelay() : interChunkDelay());
            String text = directives.stamp() ? EmitStamp.prefix(Instant.now()) + chunks.get(i) : chunks.get(i);
            write(out, WireFormat.resultEvent(i + 1, text, null, inputTokens, i + 1, requestId, multimodal));
        }
        if (count == 0) {
            pause(firstTokenDelay());
        }
        return count;
    }

    private static void write(OutputStream out, byte[] event) throws IOException {
        out.write(event);
        // Each event must leave at once: the client renders tokens as they arrive.
        out.flush();
    }

    private List<String> chunks() {
        return switch (directives.outcome()) {
            case COUNT -> List.of(
                    "messages=" + request.messages().size() + " ",
                    "user=" + request.countRole("user") + " assistant=" + request.countRole("assistant")
                            + " system=" + request.countRole("system"));
            case ECHO -> split(directives.strippedText(), ECHO_CHUNKS);
            default -> AnswerText.chunks(request.lastUserText(), directives.chunkCount(settings.answerChunks()));
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
