package io.chatstream.identity.signin.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * One INFO line per sign-in with username and password, successful or not: the username and, on failure, the
 * kind of failure; never the password. Client authentications at the token endpoint are not sign-ins and are
 * left out.
 */
final class SignInLog {

    private static final Logger LOG = LoggerFactory.getLogger(SignInLog.class);

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            LOG.info("Sign-in succeeded: {}", event.getAuthentication().getName());
        }
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            LOG.info("Sign-in failed: {} ({})", printable(event.getAuthentication().getName()),
                    event.getException().getClass().getSimpleName());
        }
    }

    /** What someone typed as a username, without line breaks or other control characters, and not too long. */
    private static String printable(String typed) {
        String clean = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
