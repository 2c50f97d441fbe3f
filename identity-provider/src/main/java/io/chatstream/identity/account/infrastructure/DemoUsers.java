package io.chatstream.identity.account.infrastructure;

import io.chatstream.identity.account.infrastructure.DemoUserSettings.DemoUser;
import io.chatstream.identity.registration.application.Accounts;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Makes the demo accounts at start, before the provider reports ready; an account that exists keeps its password
 * (someone may have changed it, or registered that name). Logs their names once, never their passwords.
 */
final class DemoUsers implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

    private final List<DemoUser> demoUsers;
    private final Accounts accounts;

    DemoUsers(List<DemoUser> demoUsers, Accounts accounts) {
        this.demoUsers = demoUsers;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoUsers.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<String> created = new ArrayList<>();
        for (DemoUser user : demoUsers) {
            names.add(user.username());
            if (!accounts.exists(user.username()) && accounts.create(user.username(), user.password())) {
                created.add(user.username());
            }
        }
        LOG.info("Demo users (chat.idp.demo-users): {}; created now: {}", String.join(", ", names),
                created.isEmpty() ? "none" : String.join(", ", created));
    }
}
