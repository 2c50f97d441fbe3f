package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmitStampTest {

    @Test
    @DisplayName("a stamp written at an instant reads back as that instant's epoch microseconds")
    void roundTrip() {
        Instant at = Instant.ofEpochSecond(1_795_613_101L, 123_456_789);

        String text = EmitStamp.prefix(at) + "Thoosand of ";

        assertThat(text).isEqualTo("[t=1795613101123456] Thoosand of ");
        assertThat(EmitStamp.find(text)).hasValue(1795613101123456L);
    }

    @Test
    @DisplayName("merged deltas give back every stamp in order")
    void merged() {
        String text = EmitStamp.prefix(Instant.ofEpochSecond(1, 2_000)) + "a " + EmitStamp.prefix(Instant.ofEpochSecond(1, 5_000)) + "b ";

        assertThat(EmitStamp.all(text)).containsExactly(1_000_002L, 1_000_005L);
    }

    @Test
    @DisplayName("text without a stamp has none")
    void absent() {
        assertThat(EmitStamp.find("plain words [t=x] ")).isEmpty();
    }
}
