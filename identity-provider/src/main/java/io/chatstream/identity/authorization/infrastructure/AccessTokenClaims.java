package io.chatstream.identity.authorization.infrastructure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes access tokens as RFC 9068 JWTs for the product's resource servers: header {@code typ: at+jwt}, the
 * product's audience beside the client id, and the username as {@code preferred_username} ({@code sub} is the
 * username already). ID tokens stay as Spring Authorization Server makes them.
 */
public final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACCESS_TOKEN_TYPE = "at+jwt";
    static final String PREFERRED_USERNAME = "preferred_username";

    private final String audience;

    public AccessTokenClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
        context.getClaims().claims(claims -> claims.put(JwtClaimNames.AUD, withAudience(claims.get(JwtClaimNames.AUD))));
        context.getClaims().claim(PREFERRED_USERNAME, context.getPrincipal().getName());
    }

    private List<String> withAudience(Object existing) {
        Set<String> audiences = new LinkedHashSet<>();
        if (existing instanceof Collection<?> values) {
            values.forEach(value -> audiences.add(String.valueOf(value)));
        } else if (existing != null) {
            audiences.add(String.valueOf(existing));
        }
        audiences.add(audience);
        // An ArrayList: the claims are stored with the authorization as JSON and read back by Spring Security's
        // Jackson modules, which accept only known collection classes (List.copyOf's is not one).
        return new ArrayList<>(audiences);
    }
}
