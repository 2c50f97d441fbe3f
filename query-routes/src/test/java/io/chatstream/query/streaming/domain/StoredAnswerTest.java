package io.chatstream.query.streaming.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatstream.query.history.domain.FinalAnswer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StoredAnswerTest {

    @Test
    @DisplayName("a completed answer replays as one token and a done chunk")
    void completed() {
        var stored = new StoredAnswer(new FinalAnswer("completed", "all of it", "", "stop", null, null, 3, 4));

        var chunks = stored.replayAfter(0);

        assertThat(chunks).extracting(StreamChunk::kind, StreamChunk::seq)
                .containsExactly(tuple("token", 1L), tuple("done", 2L));
        assertThat(chunks.get(0).text()).isEqualTo("all of it");
        assertThat(chunks.get(1).isFinal()).isTrue();
        assertThat(chunks.get(1).outputTokens()).isEqualTo(4);
    }

    @Test
    @DisplayName("a failed answer ends with an error chunk carrying its code")
    void failed() {
        var stored = new StoredAnswer(new FinalAnswer("failed", "part", "", "", "Throttling", "slow down", 0, 0));

        var chunks = stored.replayAfter(1);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("error");
            assertThat(c.seq()).isEqualTo(2);
            assertThat(c.errorCode()).isEqualTo("Throttling");
        });
    }

    @Test
    @DisplayName("a reader that has everything gets nothing more")
    void nothingLeft() {
        var stored = new StoredAnswer(new FinalAnswer("completed", "x", "", "stop", "", "", 0, 0));
        assertThat(stored.replayAfter(2)).isEmpty();
    }

    @Test
    @DisplayName("an answer with reasoning replays it whole as a thinking chunk first: thinking 1, token 2, done 3")
    void withReasoning() {
        var stored = new StoredAnswer(new FinalAnswer("completed", "42", "Let me think.", "stop", "", "", 3, 9));

        var chunks = stored.replayAfter(0);

        assertThat(chunks).extracting(StreamChunk::kind, StreamChunk::seq, StreamChunk::text)
                .containsExactly(tuple("thinking", 1L, "Let me think."), tuple("token", 2L, "42"),
                        tuple("done", 3L, ""));
        assertThat(chunks).extracting(StreamChunk::isFinal).containsExactly(false, false, true);
        assertThat(chunks.get(2).outputTokens()).isEqualTo(9);
    }

    @Test
    @DisplayName("with reasoning, after_seq skips by the same numbering")
    void withReasoningAfterSeq() {
        var stored = new StoredAnswer(new FinalAnswer("completed", "42", "Let me think.", "stop", "", "", 3, 9));

        assertThat(stored.replayAfter(1)).extracting(StreamChunk::kind, StreamChunk::seq)
                .containsExactly(tuple("token", 2L), tuple("done", 3L));
        assertThat(stored.replayAfter(2)).extracting(StreamChunk::kind, StreamChunk::seq)
                .containsExactly(tuple("done", 3L));
        assertThat(stored.replayAfter(3)).isEmpty();
    }
}
