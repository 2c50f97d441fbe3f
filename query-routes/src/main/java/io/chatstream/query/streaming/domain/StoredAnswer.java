package io.chatstream.query.streaming.domain;

import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import java.util.ArrayList;
import java.util.List;

/** A persisted answer, replayed when its live stream has already expired. */
public record StoredAnswer(FinalAnswer answer) {

    /** The whole answer as one token (seq 1) and its end (seq 2), minus what the reader already has. */
    public List<StreamChunk> replayAfter(long afterSeq) {
        FinalAnswer o = answer;
        List<StreamChunk> chunks = new ArrayList<>(2);
        if (afterSeq < 1) {
            chunks.add(new StreamChunk(StreamChunk.TOKEN, 1, o.text(), 0, "", "", 0, 0, "", ""));
        }
        if (afterSeq < 2) {
            boolean failed = AnswerStatus.FAILED.equals(o.status());
            chunks.add(new StreamChunk(failed ? StreamChunk.ERROR : StreamChunk.DONE, 2, "", 0, o.status(),
                    nz(o.finishReason()), o.inputTokens(), o.outputTokens(), nz(o.errorCode()), nz(o.errorMessage())));
        }
        return chunks;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
