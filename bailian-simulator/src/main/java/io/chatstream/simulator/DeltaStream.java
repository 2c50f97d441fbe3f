package io.chatstream.simulator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The events of one streamed answer, numbered from 1, each flushed at once and carrying the
 * cumulative usage: reasoning deltas first (a thinking answer), then content deltas, then the final
 * event or an error frame. Tokens are estimated from the text as it goes out.
 */
final class DeltaStream {

    private final OutputStream out;
    private final String requestId;
    private final int inputTokens;
    private final boolean multimodal;
    private final boolean thinks;
    private final TokenEstimate reasoning = new TokenEstimate();
    private final TokenEstimate content = new TokenEstimate();
    private int events;
    private int contentDeltas;

    /** {@code thinks}: the answer streams reasoning, so every event carries {@code reasoning_content}. */
    DeltaStream(OutputStream out, String requestId, int inputTokens, boolean multimodal, boolean thinks) {
        this.out = out;
        this.requestId = requestId;
        this.inputTokens = inputTokens;
        this.multimodal = multimodal;
        this.thinks = thinks;
    }

    void reasoning(String piece) throws IOException {
        reasoning.add(piece);
        result("", piece, null);
    }

    /** A content delta; {@code emitted} is what goes on the wire ({@code text} with an emit stamp, or itself). */
    void content(String text, String emitted) throws IOException {
        content.add(text);
        contentDeltas++;
        result(emitted, thinks ? "" : null, null);
    }

    /** The last event: no content, the finish reason. */
    void finish(String finishReason) throws IOException {
        result("", thinks ? "" : null, finishReason);
    }

    void error(ErrorCode error) throws IOException {
        write(WireFormat.errorEvent(++events, error, requestId));
    }

    /** Events written so far. */
    int events() {
        return events;
    }

    int contentDeltas() {
        return contentDeltas;
    }

    private void result(String contentDelta, String reasoningDelta, String finishReason) throws IOException {
        int reasoningTokens = thinks ? reasoning.tokens() : 0;
        Usage usage = new Usage(inputTokens, reasoningTokens + content.tokens(), reasoningTokens);
        write(WireFormat.resultEvent(++events, contentDelta, reasoningDelta, finishReason, usage, requestId, multimodal));
    }

    private void write(byte[] event) throws IOException {
        out.write(event);
        // Each event must leave at once: the client renders tokens as they arrive.
        out.flush();
    }
}
