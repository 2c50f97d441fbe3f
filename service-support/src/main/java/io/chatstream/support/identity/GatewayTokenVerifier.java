package io.chatstream.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a gateway token ({@link GatewayTokens}) for one service: ES256 only, signed by one of the gateway keys
 * this service trusts (several during a key rotation; the header's {@code kid} picks it), {@code iss}, this
 * service's {@code aud}, not expired and not issued in the future (with {@code clockSkew}). A token that verified
 * is remembered until it expires, so a busy user's calls cost one signature check per token, not per call.
 */
public final class GatewayTokenVerifier {

    private static final int CACHE_PRUNE_AT = 10_000;

    private final Map<String, ECDSAVerifier> verifiers = new LinkedHashMap<>();
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public GatewayTokenVerifier(List<ECPublicKey> gatewayKeys, String audience, Duration clockSkew, Clock clock) {
        if (gatewayKeys.isEmpty()) {
            throw new IllegalStateException("no gateway key to verify gateway tokens with");
        }
        for (ECPublicKey key : gatewayKeys) {
            try {
                verifiers.put(keyId(key), new ECDSAVerifier(key));
            } catch (JOSEException e) {
                throw new IllegalStateException("a gateway key is not a P-256 key", e);
            }
        }
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The key id a gateway puts in its tokens: the key's RFC 7638 thumbprint. */
    public static String keyId(ECPublicKey key) {
        try {
            return new ECKey.Builder(Curve.P_256, key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }

    /** The user id the token was issued for; empty when it is not a valid gateway token for this service. */
    public Optional<String> userOf(String token) {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            return now.isBefore(known.until()) ? Optional.of(known.user()) : Optional.empty();
        }
        Optional<Verified> checked = check(token, now);
        checked.ifPresent(v -> {
            if (verified.size() > CACHE_PRUNE_AT) {
                verified.values().removeIf(old -> !now.isBefore(old.until()));
            }
            verified.put(token, v);
        });
        return checked.map(Verified::user);
    }

    private Optional<Verified> check(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            ECDSAVerifier verifier = verifiers.get(jwt.getHeader().getKeyID());
            if (verifier == null || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            boolean valid = GatewayTokens.ISSUER.equals(claims.getIssuer())
                    && claims.getAudience().contains(audience)
                    && claims.getSubject() != null && !claims.getSubject().isEmpty()
                    && expires != null && now.isBefore(expires.toInstant().plus(clockSkew))
                    && issued != null && !issued.toInstant().isAfter(now.plus(clockSkew));
            return valid ? Optional.of(new Verified(claims.getSubject(), expires.toInstant().plus(clockSkew)))
                    : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private record Verified(String user, Instant until) {
    }
}
