package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;

/** The live answer streams written by the worker. */
public interface AnswerStreams {

    /** False when the stream has not started yet or has already expired. */
    boolean exists(RequestId requestId);

    /**
     * Feeds {@code sink} every entry after {@code afterSeq}, following the stream live until its final entry,
     * with heartbeats while idle. Returns at once; delivery is asynchronous.
     */
    void follow(RequestId requestId, long afterSeq, ChunkSink sink);
}
