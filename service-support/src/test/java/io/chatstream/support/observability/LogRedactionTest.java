package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LogRedactionTest {

    @Test
    @DisplayName("bearer tokens, JWTs, DashScope keys and key=value secrets are masked; the rest stays")
    void masksSecrets() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";

        assertThat(LogRedaction.redact("Authorization: Bearer abcdefghijkl.mnop"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(LogRedaction.redact("token " + jwt + " rejected")).isEqualTo("token [REDACTED] rejected");
        assertThat(LogRedaction.redact("calling with sk-0123456789abcdef")).isEqualTo("calling with [REDACTED]");
        assertThat(LogRedaction.redact("jwt-secret=s3cr3t-value, user=alice"))
                .isEqualTo("jwt-secret=[REDACTED], user=alice");
        assertThat(LogRedaction.redact("{\"api_key\":\"xyz123\"}")).isEqualTo("{\"api_key\":\"[REDACTED]\"}");
        assertThat(LogRedaction.redact("answer 3f2c done attempts=1 trace_id=4bf92f3577b34da6a3ce929d0e0e4736"))
                .isEqualTo("answer 3f2c done attempts=1 trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
