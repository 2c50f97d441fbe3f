package io.chatstream.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's proof, on every gRPC call, that the call comes from a gateway and for which user: an HS256 JWT
 * ({@code iss} {@value #ISSUER}, {@code aud} the service, {@code sub} the user id, {@code exp} a minute on) signed
 * with the key that service shares with the gateways ({@link GatewayKey}, ADR 0016), sent as
 * {@code authorization: Bearer}. A token is reused for half its lifetime.
 */
public final class GatewayTokens {

    public static final String ISSUER = "chatstream-gateway";
    public static final String COMMAND_AUDIENCE = "chatstream-command";
    public static final String QUERY_AUDIENCE = "chatstream-query";
    static final JOSEObjectType TYPE = new JOSEObjectType("chatstream-gateway+jwt");
    /** Tokens kept for reuse before the cache prunes itself ({@link ExpiringCache}). */
    static final int CACHE_PRUNE_AT = 10_000;

    private final Map<String, Signing> signingByAudience = new HashMap<>();
    private final Duration ttl;
    private final Clock clock;
    /** Per audience and user, the token to reuse until it is half-way to its expiry. */
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(CACHE_PRUNE_AT);

    /** {@code keys}: the key of each service (audience) this gateway calls. */
    public GatewayTokens(Map<String, GatewayKey> keys, Duration ttl, Clock clock) {
        keys.forEach((audience, key) -> {
            try {
                signingByAudience.put(audience, new Signing(new MACSigner(key.secret()), key.id()));
            } catch (JOSEException e) {
                throw new IllegalStateException("the gateway key for " + audience + " is too short for HS256", e);
            }
        });
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A current token for calls to {@code audience} on behalf of {@code userId}. */
    public String tokenFor(String userId, String audience) {
        Instant now = clock.instant();
        String cacheKey = audience + '\n' + userId;
        String reusable = cache.get(cacheKey, now);
        if (reusable != null) {
            return reusable;
        }
        String fresh = sign(userId, audience, now);
        cache.put(cacheKey, fresh, now.plus(ttl.dividedBy(2)), now);
        return fresh;
    }

    /** How many tokens are kept for reuse. */
    int cached() {
        return cache.size();
    }

    private String sign(String userId, String audience, Instant now) {
        Signing signing = signingByAudience.get(audience);
        if (signing == null) {
            throw new IllegalStateException("no gateway key for " + audience);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signing.keyId()).type(TYPE).build(),
                claims);
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a gateway token failed", e);
        }
        return jwt.serialize();
    }

    private record Signing(MACSigner signer, String keyId) {
    }
}
