package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.gateway.identity.application.SignInCookies;
import io.chatstream.gateway.identity.application.SignInTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Where a finished sign-in's tokens go: into the page's {@link SignInCookies} (HttpOnly, SameSite=Strict)
 * rather than a server-side session, so every gateway instance serves the page alike. The API then reads the
 * access token from its cookie like any bearer token; {@code POST /api/auth/refresh} renews it from the refresh
 * cookie and {@code POST /api/auth/logout} revokes and clears them. Nothing server-side is ever loaded back.
 */
final class CookieAuthorizedClients implements OAuth2AuthorizedClientRepository {

    private final SignInCookies cookies;
    private final CookieSecurity security;

    CookieAuthorizedClients(SignInCookies cookies, CookieSecurity security) {
        this.cookies = cookies;
        this.security = security;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                                                                     HttpServletRequest request) {
        return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                     HttpServletResponse response) {
        Optional<String> idToken = principal != null && principal.getPrincipal() instanceof OidcUser user
                ? Optional.of(user.getIdToken().getTokenValue()) : Optional.empty();
        SignInTokens tokens = new SignInTokens(client.getAccessToken().getTokenValue(),
                Optional.ofNullable(client.getRefreshToken()).map(AbstractOAuth2Token::getTokenValue), idToken);
        cookies.store(tokens, security.secure(request)).forEach(c -> response.addHeader("Set-Cookie", c));
    }

    @Override
    public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                                       HttpServletResponse response) {
        cookies.clear(security.secure(request)).forEach(c -> response.addHeader("Set-Cookie", c));
    }
}
