package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.proto.v1.PromptSubmitted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two worker processes (the packaged jar, product Kafka settings) share the prompts; the one
 * answering is killed with SIGKILL mid-answer and the other one completes the answer from the
 * uncommitted record, within the failover budget (ADR 7).
 */
class WorkerCrashRecoveryIT {

    /** The reader waits at most this long for the next token after its worker died (issue 16). */
    private static final Duration FAILOVER_BUDGET = Duration.ofSeconds(5);
    private static CrashDrill drill;

    @BeforeAll
    static void start() throws Exception {
        drill = new CrashDrill(List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        drill.close();
    }

    @Test
    @DisplayName("kill -9 of the answering worker: the other one answers again behind a reset within 5 s, one completed outcome")
    void survivesAWorkerCrash() throws Exception {
        drill.awaitWarmGroup();
        PromptSubmitted prompt = Prompts.prompt("session-crash01", "[sim:chunks=80] [sim:delay=5,100] survive",
                List.of());

        CrashDrill.Takeover takeover = drill.killAnsweringWorker(prompt);

        System.out.println("FIGURE worker.failover.kill_to_reset_ms=" + takeover.toReset().toMillis()
                + " kill_to_next_token_ms=" + takeover.toFirstToken().toMillis());
        assertThat(takeover.toFirstToken()).as("kill -9 to the survivor's first token").isLessThan(FAILOVER_BUDGET);
        drill.assertAnsweredOnceBehindOneReset(prompt, takeover);
    }
}
