package io.chatstream.gateway.identity.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IssuingDevTokenTest {

    private final AccessTokens accessTokens = user -> "token-for-" + user.value();

    @Test
    @DisplayName("outside the local profile the dev sign-in does not exist")
    void disabled() {
        assertThat(code(new IssuingDevToken(accessTokens, false).issue("alice"))).isEqualTo(GatewayCodes.NOT_FOUND);
    }

    @Test
    @DisplayName("a well-formed user name gets a token, anything else is rejected")
    void enabled() {
        IssuingDevToken issuing = new IssuingDevToken(accessTokens, true);
        assertThat(issuing.issue("alice")).isEqualTo(Outcome.done("token-for-alice"));
        assertThat(code(issuing.issue(null))).isEqualTo(GatewayCodes.INVALID_USER_ID);
        assertThat(code(issuing.issue("a b"))).isEqualTo(GatewayCodes.INVALID_USER_ID);
        assertThat(code(issuing.issue("x".repeat(65)))).isEqualTo(GatewayCodes.INVALID_USER_ID);
    }
}
