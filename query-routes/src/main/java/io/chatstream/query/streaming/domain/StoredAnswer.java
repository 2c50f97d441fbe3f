package io.chatstream.query.streaming.domain;

import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import java.util.ArrayList;
import java.util.List;

/** A persisted answer, replayed when its live stream has already expired. */
public record StoredAnswer(FinalAnswer answer) {

    /**
     * The whole answer as one token (seq 1) and its end (seq 2), minus what the reader already has. An answer with
     * reasoning starts with all of it as one thinking chunk, which shifts the token to seq 2 and the end to seq 3.
     */
    public List<StreamChunk> replayAfter(long afterSeq) {
        FinalAnswer o = answer;
        List<StreamChunk> chunks = new ArrayList<>(3);
        long seq = 0;
        if (!o.reasoning().isEmpty()) {
            chunks.add(new StreamChunk(StreamChunk.THINKING, ++seq, o.reasoning(), 0, "", "", 0, 0, "", ""));
        }
        chunks.add(new StreamChunk(StreamChunk.TOKEN, ++seq, o.text(), 0, "", "", 0, 0, "", ""));
        boolean failed = AnswerStatus.FAILED.equals(o.status());
        chunks.add(new StreamChunk(failed ? StreamChunk.ERROR : StreamChunk.DONE, ++seq, "", 0, o.status(),
                nz(o.finishReason()), o.inputTokens(), o.outputTokens(), nz(o.errorCode()), nz(o.errorMessage())));
        chunks.removeIf(c -> c.seq() <= afterSeq);
        return chunks;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
