package io.chatstream.identity.registration.domain;

/** Why a registration is refused; the page words each one, the HTTP status follows {@link #isConflict()}. */
public enum RegistrationProblem {
    /** Fewer than {@link RegistrationRules#MIN_USERNAME_LENGTH} or more than {@link RegistrationRules#MAX_USERNAME_LENGTH} characters. */
    USERNAME_LENGTH,
    /** A character outside {@code A-Z a-z 0-9 . _ @ -}. */
    USERNAME_CHARACTERS,
    /** Shorter than the configured minimum. */
    PASSWORD_TOO_SHORT,
    /** Longer than {@link RegistrationRules#MAX_PASSWORD_LENGTH} characters or {@link RegistrationRules#MAX_PASSWORD_BYTES} bytes. */
    PASSWORD_TOO_LONG,
    /** The repeated password differs. */
    PASSWORDS_DIFFER,
    /** Someone already has this username. */
    USERNAME_TAKEN;

    /** True when the input was fine but clashes with what exists (HTTP 409 rather than 400). */
    public boolean isConflict() {
        return this == USERNAME_TAKEN;
    }
}
