package io.chatstream.query.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.StreamEntryKind;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The framework-free copies of the stream entry kinds stay equal to the contract, and none is missing. */
class StreamKindsMirrorTest {

    @Test
    @DisplayName("every kind of the contract is a stream chunk kind of the same name and value")
    void kindsMirrorTheContract() throws Exception {
        for (Field field : StreamEntryKind.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(StreamChunk.class.getField(field.getName()).get(null)).as(field.getName())
                        .isEqualTo(field.get(null));
            }
        }
    }

    @Test
    @DisplayName("the chunk kinds that end a stream are the contract's terminal kinds")
    void terminalKinds() {
        for (String kind : new String[] {StreamChunk.TOKEN, StreamChunk.THINKING, StreamChunk.RESET, StreamChunk.DONE,
                StreamChunk.ERROR, StreamChunk.HEARTBEAT, "unknown"}) {
            assertThat(new StreamChunk(kind, 1, "", 1, "", "", 0, 0, "", "").isFinal()).as(kind)
                    .isEqualTo(StreamEntryKind.isTerminal(kind));
        }
    }
}
