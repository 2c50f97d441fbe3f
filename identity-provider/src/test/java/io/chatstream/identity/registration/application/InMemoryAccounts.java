package io.chatstream.identity.registration.application;

import java.util.Map;
import java.util.TreeMap;

/** {@link Accounts} in a map, case-insensitive like the database; keeps the raw passwords for assertions. */
final class InMemoryAccounts implements Accounts {

    final Map<String, String> passwords = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Names another registration takes between {@link #exists} and {@link #create} (a race). */
    final Map<String, String> takenMeanwhile = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    @Override
    public boolean exists(String username) {
        return passwords.containsKey(username);
    }

    @Override
    public boolean create(String username, String password) {
        if (takenMeanwhile.containsKey(username) || passwords.containsKey(username)) {
            return false;
        }
        passwords.put(username, password);
        return true;
    }
}
