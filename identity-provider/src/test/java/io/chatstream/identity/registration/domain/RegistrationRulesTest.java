package io.chatstream.identity.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationRulesTest {

    private final RegistrationRules rules = new RegistrationRules(10);

    @Test
    @DisplayName("a well-formed username with a long enough, repeated password is acceptable")
    void acceptable() {
        assertThat(rules.check("dora.d-1_x@example", "0123456789", "0123456789"))
                .isEqualTo(new RegistrationVerdict.Acceptable("dora.d-1_x@example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a234567890123456789012345678901234567890123456789012345678901234"})
    @DisplayName("usernames of 3 and of 64 characters are acceptable")
    void usernameLengthBounds(String username) {
        assertThat(rules.check(username, "0123456789", "0123456789")).isInstanceOf(RegistrationVerdict.Acceptable.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "a2345678901234567890123456789012345678901234567890123456789012345"})
    @DisplayName("a username shorter than 3 or longer than 64 characters is refused")
    void usernameLength(String username) {
        assertThat(problems(username, "0123456789", "0123456789")).containsExactly(RegistrationProblem.USERNAME_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dora d", "dora\n", "dorä", "<dora>", "dora/x", "用户名"})
    @DisplayName("a username with a character outside A-Z a-z 0-9 . _ @ - is refused")
    void usernameCharacters(String username) {
        assertThat(problems(username, "0123456789", "0123456789")).contains(RegistrationProblem.USERNAME_CHARACTERS);
    }

    @Test
    @DisplayName("a password shorter than the configured minimum is refused")
    void passwordTooShort() {
        assertThat(problems("dora", "012345678", "012345678")).containsExactly(RegistrationProblem.PASSWORD_TOO_SHORT);
        assertThat(new RegistrationRules(4).check("dora", "0123", "0123")).isInstanceOf(RegistrationVerdict.Acceptable.class);
    }

    @Test
    @DisplayName("a password over 72 bytes (BCrypt's limit) is refused, however few characters it has")
    void passwordTooLong() {
        assertThat(rules.check("dora", "a".repeat(72), "a".repeat(72))).isInstanceOf(RegistrationVerdict.Acceptable.class);
        assertThat(problems("dora", "a".repeat(73), "a".repeat(73))).containsExactly(RegistrationProblem.PASSWORD_TOO_LONG);
        assertThat(problems("dora", "密".repeat(25), "密".repeat(25))).containsExactly(RegistrationProblem.PASSWORD_TOO_LONG);
        assertThat(problems("dora", "a".repeat(129), "a".repeat(129))).containsExactly(RegistrationProblem.PASSWORD_TOO_LONG);
    }

    @Test
    @DisplayName("a repeated password that differs is refused")
    void passwordsDiffer() {
        assertThat(problems("dora", "0123456789", "0123456780")).containsExactly(RegistrationProblem.PASSWORDS_DIFFER);
        assertThat(problems("dora", "0123456789", null)).containsExactly(RegistrationProblem.PASSWORDS_DIFFER);
    }

    @Test
    @DisplayName("every problem is named at once, and missing fields count as empty")
    void everyProblem() {
        assertThat(problems(null, null, "x")).containsExactly(RegistrationProblem.USERNAME_LENGTH,
                RegistrationProblem.PASSWORD_TOO_SHORT, RegistrationProblem.PASSWORDS_DIFFER);
    }

    @Test
    @DisplayName("the minimum password length must lie between 1 and 72")
    void minimumBounds() {
        assertThatThrownBy(() -> new RegistrationRules(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationRules(73)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<RegistrationProblem> problems(String username, String password, String repeated) {
        RegistrationVerdict verdict = rules.check(username, password, repeated);
        assertThat(verdict).isInstanceOf(RegistrationVerdict.Refused.class);
        return ((RegistrationVerdict.Refused) verdict).problems();
    }
}
