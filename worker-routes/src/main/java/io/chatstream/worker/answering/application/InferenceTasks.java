package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.domain.TaskState;
import java.time.Instant;
import java.util.Optional;

/** Port: status snapshots of tasks, so a redelivered prompt is not answered twice. */
public interface InferenceTasks {

    Optional<Snapshot> find(RequestId requestId);

    void save(RequestId requestId, Snapshot snapshot);

    record Snapshot(TaskState state, int attempt, Instant startedAt) {
    }
}
