package io.chatstream.identity.account.infrastructure;

import io.chatstream.identity.registration.application.Accounts;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The account store (users of the sign-in form), its password encoding, and the demo accounts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoUserSettings.class)
public class AccountConfiguration {

    /** BCrypt for new hashes; the {@code {id}} prefix keeps older or other encodings readable. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager userDetailsManager(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }

    @Bean
    Accounts accounts(JdbcUserDetailsManager users, PasswordEncoder passwordEncoder,
            PlatformTransactionManager transactionManager) {
        return new JdbcAccounts(users, passwordEncoder, new TransactionTemplate(transactionManager));
    }

    @Bean
    DemoUsers demoUsers(DemoUserSettings settings, Accounts accounts) {
        return new DemoUsers(settings.demoUsers(), accounts);
    }
}
