package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Stands in for the scheduler and the ops report of resumes: a pause ends only when the test says so. */
final class ManualResumes implements Delays, StreamResumes {

    final List<Duration> pauses = new ArrayList<>();
    final List<String> reports = new ArrayList<>();
    private final List<Runnable> waiting = new ArrayList<>();

    Resumption budget(int maxAttempts) {
        return new Resumption(maxAttempts, Duration.ofMillis(100), Duration.ofSeconds(1), this, this);
    }

    @Override
    public void after(Duration pause, Runnable task) {
        pauses.add(pause);
        waiting.add(task);
    }

    /** Ends the oldest pause still running. */
    void endPause() {
        waiting.remove(0).run();
    }

    boolean pausing() {
        return !waiting.isEmpty();
    }

    @Override
    public void resuming(RequestId request, long afterSeq, int attempt, Duration pause) {
        reports.add("resuming " + request.value() + " after " + afterSeq + " attempt " + attempt);
    }

    @Override
    public void gaveUp(RequestId request, long afterSeq, int attempts) {
        reports.add("gave up " + request.value() + " after " + afterSeq + " attempts " + attempts);
    }
}
