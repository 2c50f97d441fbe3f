package io.chatstream.command.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlatformConfigurationTest {

    @Test
    @DisplayName("the service clock is UTC and ticks in whole microseconds, the precision MariaDB stores")
    void microsecondClock() {
        Clock clock = new PlatformConfiguration().clock();

        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        for (int i = 0; i < 1_000; i++) {
            assertThat(clock.instant().getNano() % 1_000).isZero();
        }
    }
}
