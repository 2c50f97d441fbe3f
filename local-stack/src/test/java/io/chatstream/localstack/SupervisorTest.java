package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    /** A component whose "process" is a flag: kill() ends it, restart() starts a new pid. */
    private static final class Fake implements Supervised {
        private final String name;
        private volatile boolean alive = true;
        private volatile long pid = 100;
        private final AtomicInteger restarts = new AtomicInteger();
        private final List<Long> restartedAt = new CopyOnWriteArrayList<>();

        Fake(String name) {
            this.name = name;
        }

        void kill() {
            alive = false;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public void restart() {
            restarts.incrementAndGet();
            restartedAt.add(System.nanoTime());
            pid++;
            alive = true;
        }
    }

    @Test
    @DisplayName("a component that dies is restarted with a new pid and the restart is reported")
    void restartsADeadComponent() {
        Fake worker = new Fake("worker");
        Fake redis = new Fake("redis");
        List<String> reported = new CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(List.of(worker, redis), Duration.ofMillis(10),
                c -> reported.add(c.name() + ":" + c.pid()));
        supervisor.start();
        try {
            worker.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.restarts.get() == 1 && worker.isAlive());
            await().atMost(Duration.ofSeconds(10)).until(() -> reported.contains("worker:101"));
            assertThat(redis.restarts).hasValue(0);
            assertThat(supervisor.restarts()).containsEntry("worker", 1).containsEntry("redis", 0);
        } finally {
            supervisor.shutdown();
        }
    }

    @Test
    @DisplayName("a component that keeps dying waits longer before each restart")
    void backsOff() {
        Fake query = new Fake("query");
        Supervisor supervisor = new Supervisor(List.of(query), Duration.ofMillis(200), c -> { });
        supervisor.start();
        try {
            for (int i = 1; i <= 3; i++) {
                query.kill();
                int expected = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> query.restarts.get() == expected);
            }
            long died = System.nanoTime();
            query.kill();
            await().atMost(Duration.ofSeconds(10)).until(() -> query.restarts.get() == 4);
            // 200, 400, 800, then 1600 ms: the fourth quick death waits at least 1.6 s.
            assertThat(Duration.ofNanos(query.restartedAt.get(3) - died)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        } finally {
            supervisor.shutdown();
        }
    }

    @Test
    @DisplayName("after shutdown nothing is restarted, also not a restart that was waiting for its back-off")
    void noRestartDuringShutdown() throws Exception {
        Fake kafka = new Fake("kafka");
        Supervisor supervisor = new Supervisor(List.of(kafka), Duration.ofSeconds(20), c -> { });
        supervisor.start();
        kafka.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.restarting("kafka"));

        long began = System.nanoTime();
        supervisor.shutdown();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("the pending back-off was cancelled, not waited for")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(kafka.restarts).hasValue(0);
        assertThat(kafka.isAlive()).isFalse();
    }
}
