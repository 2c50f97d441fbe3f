package io.chatstream.identity.registration.infrastructure;

import io.chatstream.identity.registration.application.Accounts;
import io.chatstream.identity.registration.application.RegisteringAccount;
import io.chatstream.identity.registration.domain.RegistrationRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registering use case from its settings and the account store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistrationSettings.class)
public class RegistrationConfiguration {

    @Bean
    RegisteringAccount registeringAccount(RegistrationSettings settings, Accounts accounts) {
        return new RegisteringAccount(settings.enabled(), new RegistrationRules(settings.minPasswordLength()), accounts);
    }
}
