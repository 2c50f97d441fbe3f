package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.identity.application.AccessTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Mints HS256 access tokens (JWT) with the same key, issuer and audience the resource server checks. */
final class JwtAccessTokens implements AccessTokens {

    private final JwtEncoder encoder;
    private final AuthSettings props;
    private final Clock clock;

    JwtAccessTokens(JwtEncoder encoder, AuthSettings props, Clock clock) {
        this.encoder = encoder;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public String mint(UserId user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.value())
                .issuer(props.issuer())
                .audience(List.of(props.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(props.tokenTtl()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
