package io.chatstream.gateway.streaming.application;

import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import java.util.ArrayList;
import java.util.List;

/** The reader of a followed answer (the SSE relay's part): what reached it, in order; rejections by code. */
final class RecordingReader implements AnswerListener {

    final List<Object> got = new ArrayList<>();
    private final int window;

    RecordingReader(int window) {
        this.window = window;
    }

    @Override
    public void event(AnswerEvent event) {
        got.add(event);
    }

    @Override
    public void ended() {
        got.add("ended");
    }

    @Override
    public void rejected(Rejection rejection) {
        got.add(rejection.code());
    }

    @Override
    public int window() {
        return window;
    }
}
