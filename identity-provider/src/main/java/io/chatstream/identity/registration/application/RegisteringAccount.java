package io.chatstream.identity.registration.application;

import io.chatstream.identity.registration.domain.RegistrationProblem;
import io.chatstream.identity.registration.domain.RegistrationRules;
import io.chatstream.identity.registration.domain.RegistrationVerdict;
import java.util.List;

/** Use case: someone creates their own account from the registration page. */
public final class RegisteringAccount {

    private final boolean open;
    private final RegistrationRules rules;
    private final Accounts accounts;

    /** @param open false where accounts are managed elsewhere: the page is gone and nothing is registered */
    public RegisteringAccount(boolean open, RegistrationRules rules, Accounts accounts) {
        this.open = open;
        this.rules = rules;
        this.accounts = accounts;
    }

    public boolean isOpen() {
        return open;
    }

    public int minPasswordLength() {
        return rules.minPasswordLength();
    }

    public RegistrationOutcome register(String username, String password, String repeatedPassword) {
        if (!open) {
            throw new IllegalStateException("registration is closed");
        }
        RegistrationVerdict verdict = rules.check(username, password, repeatedPassword);
        if (verdict instanceof RegistrationVerdict.Refused refused) {
            return new RegistrationOutcome.Refused(refused.problems());
        }
        String name = ((RegistrationVerdict.Acceptable) verdict).username();
        if (accounts.exists(name) || !accounts.create(name, password)) {
            return new RegistrationOutcome.Refused(List.of(RegistrationProblem.USERNAME_TAKEN));
        }
        return new RegistrationOutcome.Registered(name);
    }
}
