package io.chatstream.worker.deadletters.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.ops.*} in application.yml: the ops API's HTTP Basic credentials. The password is never printed.
 *
 * @param username the ops user; the name goes into every audit record
 * @param password its password; empty = the ops API refuses every call
 */
@ConfigurationProperties("chat.ops")
public record OpsSettings(String username, String password) {

    public OpsSettings {
        Objects.requireNonNull(username, "chat.ops.username is not set");
        Objects.requireNonNull(password, "chat.ops.password is not set");
    }

    @Override
    public String toString() {
        return "OpsSettings[username=" + username + ", password=****]";
    }
}
