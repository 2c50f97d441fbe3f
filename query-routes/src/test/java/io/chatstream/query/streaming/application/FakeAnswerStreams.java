package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;
import java.util.ArrayList;
import java.util.List;

/** {@link AnswerStreams} for tests: whether a live stream exists is set by the test; follows are recorded. */
public final class FakeAnswerStreams implements AnswerStreams {

    /** Whether every request has a live stream. */
    public boolean exists;
    /** The sink of the last follow. */
    public ChunkSink sink;
    /** The {@code afterSeq} of every follow. */
    public final List<Long> followed = new ArrayList<>();

    @Override
    public boolean exists(RequestId requestId) {
        return exists;
    }

    @Override
    public void follow(RequestId requestId, long afterSeq, ChunkSink sink) {
        followed.add(afterSeq);
        this.sink = sink;
    }
}
