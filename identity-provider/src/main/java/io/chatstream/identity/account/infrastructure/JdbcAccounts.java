package io.chatstream.identity.account.infrastructure;

import io.chatstream.identity.registration.application.Accounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts in Spring Security's JDBC user store (tables {@code users} and {@code authorities}), passwords
 * hashed with the provider's encoder (BCrypt). Every account gets the one role {@value #ROLE}: Spring Security's
 * JDBC store refuses to sign in a user without any authority.
 */
public final class JdbcAccounts implements Accounts {

    static final String ROLE = "ROLE_USER";

    private final UserDetailsManager users;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;

    public JdbcAccounts(UserDetailsManager users, PasswordEncoder passwordEncoder, TransactionTemplate transactions) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
    }

    @Override
    public boolean exists(String username) {
        return users.userExists(username);
    }

    @Override
    public boolean create(String username, String password) {
        String hash = passwordEncoder.encode(password);
        try {
            // The user row and its authority in one transaction: never an account that cannot sign in.
            transactions.executeWithoutResult(status -> users.createUser(
                    User.withUsername(username).password(hash).authorities(ROLE).build()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
