package io.chatstream.identity.account.infrastructure;

import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.idp.demo-users}: accounts made at start for the local run and demos, each only if absent (an
 * existing account keeps its password). Empty in production.
 *
 * @param demoUsers the accounts; an empty list is valid
 */
@ConfigurationProperties("chat.idp")
public record DemoUserSettings(List<DemoUser> demoUsers) {

    public DemoUserSettings {
        Objects.requireNonNull(demoUsers, "chat.idp.demo-users is not set");
        demoUsers = List.copyOf(demoUsers);
    }

    /** One demo account. */
    public record DemoUser(String username, String password) {

        public DemoUser {
            Objects.requireNonNull(username, "chat.idp.demo-users[].username is not set");
            Objects.requireNonNull(password, "chat.idp.demo-users[].password is not set (user " + username + ")");
        }

        @Override
        public String toString() {
            return "DemoUser[" + username + "]"; // never the password, not even in a bind error
        }
    }
}
