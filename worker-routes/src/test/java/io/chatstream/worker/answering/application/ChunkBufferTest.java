package io.chatstream.worker.answering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChunkBufferTest {

    private final ChunkBuffer buffer = new ChunkBuffer(new Coalescing(Duration.ofMillis(25), 10));

    @Test
    @DisplayName("the first piece of an attempt is written at once, so time to first token is not delayed")
    void firstPieceAtOnce() {
        assertThat(buffer.add("Hel", 0)).contains("Hel");
        assertThat(buffer.millisUntilDue(0)).isEqualTo(-1);
    }

    @Test
    @DisplayName("pieces closer than the window to the last write are held until one window after it")
    void heldUntilTheWindowPasses() {
        buffer.add("a", 100);

        assertThat(buffer.add("b", 110)).isEmpty();
        assertThat(buffer.add("c", 120)).isEmpty();

        assertThat(buffer.millisUntilDue(120)).isEqualTo(5);
        assertThat(buffer.due(124)).isEmpty();
        assertThat(buffer.due(125)).contains("bc");
        assertThat(buffer.due(200)).isEmpty();
        assertThat(buffer.add("d", 130)).as("still within a window of the last write").isEmpty();
        assertThat(buffer.millisUntilDue(130)).isEqualTo(20);
    }

    @Test
    @DisplayName("a piece a whole window after the last write goes out at once: a slow model is never delayed")
    void slowModelNotDelayed() {
        buffer.add("a", 0);

        assertThat(buffer.add("b", 50)).contains("b");
        assertThat(buffer.add("c", 100)).contains("c");
        assertThat(buffer.millisUntilDue(100)).isEqualTo(-1);
    }

    @Test
    @DisplayName("a buffer reaching the size limit is written before its window passes")
    void sizeLimit() {
        buffer.add("a", 0);

        assertThat(buffer.add("12345", 1)).isEmpty();
        assertThat(buffer.add("67890", 2)).contains("1234567890");
        assertThat(buffer.millisUntilDue(2)).isEqualTo(-1);
    }

    @Test
    @DisplayName("flush hands over everything held, and a restarted attempt writes its first piece at once")
    void flushAndRestart() {
        buffer.add("a", 0);
        buffer.add("b", 1);

        assertThat(buffer.flush()).contains("b");
        assertThat(buffer.flush()).isEmpty();
        buffer.restart();
        assertThat(buffer.add("x", 2)).contains("x");
    }

    @Test
    @DisplayName("a zero window writes every piece as it comes and ignores empty pieces")
    void disabled() {
        ChunkBuffer off = new ChunkBuffer(Coalescing.OFF);

        assertThat(off.add("a", 0)).contains("a");
        assertThat(off.add("b", 0)).contains("b");
        assertThat(off.add("", 0)).isEmpty();
        assertThat(off.millisUntilDue(0)).isEqualTo(-1);
    }
}
