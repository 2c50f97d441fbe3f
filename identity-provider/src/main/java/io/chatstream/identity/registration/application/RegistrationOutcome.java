package io.chatstream.identity.registration.application;

import io.chatstream.identity.registration.domain.RegistrationProblem;
import java.util.List;

/** What {@link RegisteringAccount} answers: the account exists now, or why not (nothing was written). */
public sealed interface RegistrationOutcome {

    record Registered(String username) implements RegistrationOutcome {
    }

    record Refused(List<RegistrationProblem> problems) implements RegistrationOutcome {

        public Refused {
            problems = List.copyOf(problems);
        }

        /** The input was well-formed but the username is someone else's. */
        public boolean isConflict() {
            return problems.stream().anyMatch(RegistrationProblem::isConflict);
        }
    }
}
