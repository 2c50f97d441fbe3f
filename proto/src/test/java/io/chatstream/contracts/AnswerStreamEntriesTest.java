package io.chatstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.proto.v1.AnswerStreamEntry;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerStreamEntriesTest {

    @Test
    @DisplayName("a done entry keeps every field through the Redis field map")
    void doneRoundTrip() {
        AnswerStreamEntry done = AnswerStreamEntry.newBuilder().setSeq(7).setKind("done").setAttempt(2)
                .setStatus("completed").setFinishReason("stop").setInputTokens(12).setOutputTokens(30)
                .setTs(1_700_000_000_000L).build();

        Map<String, String> fields = AnswerStreamEntries.toFields(done);

        assertThat(fields).containsEntry("seq", "7").containsEntry("kind", "done")
                .doesNotContainKey("text").doesNotContainKey("error_code");
        assertThat(AnswerStreamEntries.fromFields(fields)).isEqualTo(done);
    }

    @Test
    @DisplayName("an entry without seq or with a bad number is unreadable")
    void malformedRefused() {
        assertThatThrownBy(() -> AnswerStreamEntries.fromFields(Map.of("kind", "token")))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> AnswerStreamEntries.fromFields(Map.of("seq", "x", "kind", "token")))
                .isInstanceOf(UnreadableEventException.class);
    }
}
