package io.chatstream.query.streaming.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The framework-free copies of the contract's error codes stay equal to the contract. */
class ErrorCodesMirrorTest {

    @Test
    @DisplayName("every code the query context defines is the contract's code of the same name")
    void codesMirrorTheContract() throws Exception {
        for (Field field : RejectionCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                assertThat(field.get(null)).as(field.getName())
                        .isEqualTo(ErrorCodes.class.getField(field.getName()).get(null));
            }
        }
        assertThat(StreamChunk.STREAM_TIMEOUT).isEqualTo(ErrorCodes.STREAM_TIMEOUT);
    }
}
