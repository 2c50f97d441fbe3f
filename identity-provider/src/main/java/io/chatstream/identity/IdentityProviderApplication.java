package io.chatstream.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The local OpenID Connect provider: sign-in, self-registration and tokens for the gateway, so the offline run
 * needs no outside account. Production points the gateway at the company's provider instead.
 */
@SpringBootApplication
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
