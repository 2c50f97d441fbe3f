package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Which observations run per request (management.observations.enable.* in application.yml). */
class ObservationsTest extends GatewayTestSupport {

    @Autowired
    ObservationRegistry observations;

    @Test
    @DisplayName("Spring Security's per-filter observations are off, the HTTP server observation is not")
    void securityObservationsOff() {
        assertThat(Observation.createNotStarted("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.security.authentications", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("http.server.requests", observations).isNoop()).isFalse();
    }
}
