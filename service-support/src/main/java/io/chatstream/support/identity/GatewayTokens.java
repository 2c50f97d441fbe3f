package io.chatstream.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's proof, on every gRPC call, that the call comes from a gateway and for which user: an ES256 JWT
 * ({@code iss} {@value #ISSUER}, {@code aud} the service, {@code sub} the user id, {@code exp} a minute on) sent
 * as {@code authorization: Bearer}. A token is reused for half its lifetime, so signing costs one ECDSA operation
 * per user and service every half minute, not one per call.
 */
public final class GatewayTokens {

    public static final String ISSUER = "chatstream-gateway";
    public static final String COMMAND_AUDIENCE = "chatstream-command";
    public static final String QUERY_AUDIENCE = "chatstream-query";
    static final JOSEObjectType TYPE = new JOSEObjectType("chatstream-gateway+jwt");
    /** Past this many cached tokens, expired ones are dropped before a new one is added. */
    private static final int CACHE_PRUNE_AT = 10_000;

    private final ECDSASigner signer;
    private final String keyId;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Issued> cache = new ConcurrentHashMap<>();

    public GatewayTokens(ECPrivateKey key, String keyId, Duration ttl, Clock clock) {
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the gateway's signing key is not a P-256 key", e);
        }
        this.keyId = keyId;
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
        }
        Issued fresh = new Issued(sign(userId, audience, now), now.plus(ttl.dividedBy(2)));
        cache.put(cacheKey, fresh);
        return fresh.token();
    }

    private String sign(String userId, String audience, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience).subject(userId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a gateway token failed", e);
        }
        return jwt.serialize();
    }

    private record Issued(String token, Instant renewAfter) {
    }
}
