package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.domain.StreamEntry;
import java.time.Instant;

/** Port: the per-request token stream readers follow (Redis stream in production). */
public interface AnswerStreams {

    /** The seq of the newest entry, 0 when the stream is empty or gone. */
    long lastSeq(RequestId requestId);

    void append(RequestId requestId, StreamEntry entry, Instant at);

    /**
     * Removes every entry but the last {@code keptEntries} (the closing reset and terminal entry):
     * text the provider's moderation refused is gone for readers who come later, too.
     */
    void withdrawText(RequestId requestId, int keptEntries);

    /** Called after the terminal entry: the stream only has to outlive the readers. */
    void expireAfterEnd(RequestId requestId);
}
