package io.chatstream.identity.signin.infrastructure;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything that is not a protocol endpoint: the sign-in form (where {@code /oauth2/authorize} sends a browser
 * that is not signed in, and back), the public registration and error pages, and the actuator endpoints that the
 * launcher and Prometheus read without credentials.
 */
@Configuration(proxyBeanMethods = false)
public class SignInSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain signInChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        // "/login" with any query (?registered): the form login's own permitAll matches exact URLs only.
                        .requestMatchers("/login", "/register", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    SignInLog signInLog() {
        return new SignInLog();
    }
}
