package io.chatstream.identity.registration.domain;

import java.util.List;

/** What {@link RegistrationRules} decided about a requested account. */
public sealed interface RegistrationVerdict {

    /** The username and password may make an account (whether the name is free is the store's to say). */
    record Acceptable(String username) implements RegistrationVerdict {
    }

    /** Refused, with every problem found (never empty). */
    record Refused(List<RegistrationProblem> problems) implements RegistrationVerdict {

        public Refused {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one problem");
            }
            problems = List.copyOf(problems);
        }
    }
}
