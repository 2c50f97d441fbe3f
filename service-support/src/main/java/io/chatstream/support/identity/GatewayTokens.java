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
import java.util.concurrent.ConcurrentHashMap;

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
    /**
     * Past this many cached tokens, expired ones are dropped before a new one is added, and all of them when more
     * than half would stay: the cache stays bounded, and is scanned once per many new tokens, however many users.
     */
    static final int CACHE_PRUNE_AT = 10_000;

    private final Map<String, Signing> signingByAudience = new HashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Issued> cache = new ConcurrentHashMap<>();

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
        Issued issued = cache.get(cacheKey);
        if (issued != null && now.isBefore(issued.renewAfter())) {
            return issued.token();
        }
        if (cache.size() > CACHE_PRUNE_AT) {
            cache.values().removeIf(i -> !now.isBefore(i.renewAfter()));
            if (cache.size() > CACHE_PRUNE_AT / 2) {
                cache.clear();
            }
        }
        Issued fresh = new Issued(sign(userId, audience, now), now.plus(ttl.dividedBy(2)));
        cache.put(cacheKey, fresh);
        return fresh.token();
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

    private record Issued(String token, Instant renewAfter) {
    }
}
