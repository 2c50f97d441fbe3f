package io.chatstream.identity.registration.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new account's username and password must look like. Usernames become the token's {@code sub}, so they
 * are kept to characters that are safe in logs, URLs and claims.
 */
public final class RegistrationRules {

    public static final int MIN_USERNAME_LENGTH = 3;
    public static final int MAX_USERNAME_LENGTH = 64;
    public static final int MAX_PASSWORD_LENGTH = 128;
    /** BCrypt reads at most 72 bytes of a password and Spring Security refuses to hash a longer one. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._@-]*");

    private final int minPasswordLength;

    public RegistrationRules(int minPasswordLength) {
        if (minPasswordLength < 1 || minPasswordLength > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("the minimum password length must be between 1 and "
                    + MAX_PASSWORD_BYTES + ", was " + minPasswordLength);
        }
        this.minPasswordLength = minPasswordLength;
    }

    public int minPasswordLength() {
        return minPasswordLength;
    }

    /** Checks a requested account; null fields count as empty. */
    public RegistrationVerdict check(String username, String password, String repeatedPassword) {
        String name = username == null ? "" : username;
        String secret = password == null ? "" : password;
        List<RegistrationProblem> problems = new ArrayList<>();
        if (name.length() < MIN_USERNAME_LENGTH || name.length() > MAX_USERNAME_LENGTH) {
            problems.add(RegistrationProblem.USERNAME_LENGTH);
        }
        if (!USERNAME_CHARACTERS.matcher(name).matches()) {
            problems.add(RegistrationProblem.USERNAME_CHARACTERS);
        }
        int length = secret.codePointCount(0, secret.length());
        if (length < minPasswordLength) {
            problems.add(RegistrationProblem.PASSWORD_TOO_SHORT);
        } else if (length > MAX_PASSWORD_LENGTH || secret.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(RegistrationProblem.PASSWORD_TOO_LONG);
        }
        if (!secret.equals(repeatedPassword == null ? "" : repeatedPassword)) {
            problems.add(RegistrationProblem.PASSWORDS_DIFFER);
        }
        return problems.isEmpty() ? new RegistrationVerdict.Acceptable(name) : new RegistrationVerdict.Refused(problems);
    }
}
