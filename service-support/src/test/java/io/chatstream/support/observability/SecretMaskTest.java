package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    @DisplayName("bearer tokens, JWTs, DashScope keys and key=value secrets are masked; the rest stays")
    void masksSecrets() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";

        assertThat(SecretMask.mask("Authorization: Bearer abcdefghijkl.mnop"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(SecretMask.mask("token " + jwt + " rejected")).isEqualTo("token [REDACTED] rejected");
        assertThat(SecretMask.mask("calling with sk-0123456789abcdef")).isEqualTo("calling with [REDACTED]");
        assertThat(SecretMask.mask("jwt-secret=s3cr3t-value, user=alice"))
                .isEqualTo("jwt-secret=[REDACTED], user=alice");
        assertThat(SecretMask.mask("{\"api_key\":\"xyz123\"}")).isEqualTo("{\"api_key\":\"[REDACTED]\"}");
        assertThat(SecretMask.mask("answer 3f2c done attempts=1 trace_id=4bf92f3577b34da6a3ce929d0e0e4736"))
                .isEqualTo("answer 3f2c done attempts=1 trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    @DisplayName("the pattern compares letters in any case, and so does the cheap look that comes first")
    void anyCase() {
        assertThat(SecretMask.mask("AUTHORIZATION: BEARER ABCDEFGHIJKL")).isEqualTo("AUTHORIZATION: BEARER [REDACTED]");
        assertThat(SecretMask.mask("Basic YWxpY2U6cGFzc3dvcmQ=")).isEqualTo("Basic [REDACTED]");
        assertThat(SecretMask.mask("EYJHBGCIOIJ.EYJZDWIIOIJ.SIG")).isEqualTo("[REDACTED]");
        assertThat(SecretMask.mask("key SK-0123456789")).isEqualTo("key [REDACTED]");
        assertThat(SecretMask.mask("X-API-KEY: abc")).isEqualTo("X-API-KEY: [REDACTED]");
        assertThat(SecretMask.mask("PASSWD=hunter2 and Secret: s")).isEqualTo("PASSWD=[REDACTED] and Secret: [REDACTED]");
    }

    @Test
    @DisplayName("a text without any cue word is returned as it is, the same object")
    void noCue() {
        String line = "prompt 6c8a83c1-0cc4-434c-8f20-86e2413e3d05 projected: session 87d48e07 turn 1";
        assertThat(SecretMask.mayHoldSecret(line)).isFalse();
        assertThat(SecretMask.mask(line)).isSameAs(line);
        assertThat(SecretMask.mayHoldSecret("the monkey ate")).as("a cue is only a hint").isTrue();
        assertThat(SecretMask.mask("the monkey ate")).isEqualTo("the monkey ate");
    }
}
