package io.chatstream.identity.registration.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.identity.registration.domain.RegistrationProblem;
import io.chatstream.identity.registration.domain.RegistrationRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegisteringAccountTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final RegisteringAccount registering = new RegisteringAccount(true, new RegistrationRules(10), accounts);

    @Test
    @DisplayName("a valid registration creates the account with its password")
    void registers() {
        assertThat(registering.register("dora", "dora-password", "dora-password"))
                .isEqualTo(new RegistrationOutcome.Registered("dora"));
        assertThat(accounts.passwords).containsEntry("dora", "dora-password");
    }

    @Test
    @DisplayName("a taken username is refused as a conflict and the existing password stays")
    void taken() {
        accounts.passwords.put("alice", "alice-password");

        RegistrationOutcome outcome = registering.register("ALICE", "other-password", "other-password");

        assertThat(outcome).isEqualTo(new RegistrationOutcome.Refused(List.of(RegistrationProblem.USERNAME_TAKEN)));
        assertThat(((RegistrationOutcome.Refused) outcome).isConflict()).isTrue();
        assertThat(accounts.passwords).containsExactly(Map.entry("alice", "alice-password"));
    }

    @Test
    @DisplayName("a username taken between the check and the insert is refused as a conflict too")
    void takenMeanwhile() {
        accounts.takenMeanwhile.put("dora", "x");

        assertThat(registering.register("dora", "dora-password", "dora-password"))
                .isEqualTo(new RegistrationOutcome.Refused(List.of(RegistrationProblem.USERNAME_TAKEN)));
    }

    @Test
    @DisplayName("bad input is refused as such, and nothing is written")
    void badInput() {
        RegistrationOutcome outcome = registering.register("dora", "short", "short");

        assertThat(outcome).isEqualTo(new RegistrationOutcome.Refused(List.of(RegistrationProblem.PASSWORD_TOO_SHORT)));
        assertThat(((RegistrationOutcome.Refused) outcome).isConflict()).isFalse();
        assertThat(accounts.passwords).isEmpty();
    }

    @Test
    @DisplayName("while registration is closed nothing can be registered")
    void closed() {
        RegisteringAccount closed = new RegisteringAccount(false, new RegistrationRules(10), accounts);

        assertThat(closed.isOpen()).isFalse();
        assertThatThrownBy(() -> closed.register("dora", "dora-password", "dora-password"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(accounts.passwords).isEmpty();
    }
}
