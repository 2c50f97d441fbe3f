package io.chatstream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "has space in it", "semi;colon-123", "ünïcode-123456",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    @DisplayName("malformed request ids are not parsed")
    void malformedRequestIds(String raw) {
        assertThat(RequestId.parse(raw)).isEmpty();
        assertThatThrownBy(() -> new RequestId(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("generated ids are well formed and distinct")
    void generated() {
        assertThat(RequestId.parse(RequestId.generate().value())).isPresent();
        assertThat(SessionId.generate()).isNotEqualTo(SessionId.generate());
        assertThat(TraceId.parse(TraceId.generate().value())).isPresent();
    }

    @Test
    @DisplayName("a bad trace id is replaced, never rejected")
    void traceIdFallback() {
        assertThat(TraceId.parseOrGenerate("0".repeat(32)).value()).isNotEqualTo("0".repeat(32));
        assertThat(TraceId.parseOrGenerate("4bf92f3577b34da6a3ce929d0e0e4736").value())
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    @DisplayName("user ids are bounded and printable")
    void userIds() {
        assertThat(UserId.parse("alice@example.com")).isPresent();
        assertThat(UserId.parse("")).isEmpty();
        assertThat(UserId.parse("a".repeat(65))).isEmpty();
        assertThat(UserId.parse("bob\n")).isEmpty();
    }
}
