package io.chatstream.gateway.api.interfaces.sse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamLimitsUnitTest {

    @Test
    @DisplayName("counts per user and per address, refuses over either cap, and a place closed twice frees it once")
    void counts() {
        StreamLimits limits = new StreamLimits(2, 3);
        StreamLimits.Attempt a1 = limits.tryOpen("ann", "10.0.0.1");
        StreamLimits.Attempt a2 = limits.tryOpen("ann", "10.0.0.1");

        assertThat(limits.tryOpen("ann", "10.0.0.2").refusal()).isEqualTo(StreamLimits.Refusal.PER_USER);
        assertThat(limits.tryOpen("ben", "10.0.0.1").opened()).isTrue();
        assertThat(limits.tryOpen("cat", "10.0.0.1").refusal()).isEqualTo(StreamLimits.Refusal.PER_ADDRESS);
        assertThat(limits.openFor("cat")).as("a refusal per address takes no place of the user").isZero();

        a1.close().run();
        a1.close().run();
        assertThat(limits.openFor("ann")).isEqualTo(1);
        assertThat(limits.tryOpen("ann", "10.0.0.1").opened()).isTrue();
        assertThat(limits.tryOpen("dan", "10.0.0.1").opened()).as("the address is full again").isFalse();
        a2.close().run();
    }
}
