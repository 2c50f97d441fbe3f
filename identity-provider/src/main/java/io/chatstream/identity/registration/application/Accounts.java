package io.chatstream.identity.registration.application;

/** The account store, as registration needs it. Usernames compare without regard to case. */
public interface Accounts {

    boolean exists(String username);

    /**
     * Creates an enabled account; the store hashes the password.
     *
     * @return false, writing nothing, when the username was taken meanwhile
     */
    boolean create(String username, String password);
}
