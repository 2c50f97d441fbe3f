package io.chatstream.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a gateway token ({@link GatewayTokens}) for one service: HS256 only, signed with one of this service's
 * gateway keys (several during a key rotation; the header's {@code kid} picks it), {@code iss}, this
 * service's {@code aud}, not expired and not issued in the future (with {@code clockSkew}). A token that verified
 * is remembered until it expires, so a busy user's calls cost one signature check per token, not per call.
 */
public final class GatewayTokenVerifier {

    /** As {@link GatewayTokens#CACHE_PRUNE_AT}: bounded, and scanned once per many new tokens. */
    static final int CACHE_PRUNE_AT = 10_000;

    private final Map<String, MACVerifier> verifiers = new LinkedHashMap<>();
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    /** Per token, its user until the token expires. */
    private final ExpiringCache<String, String> verified = new ExpiringCache<>(CACHE_PRUNE_AT);

    public GatewayTokenVerifier(List<GatewayKey> gatewayKeys, String audience, Duration clockSkew, Clock clock) {
        if (gatewayKeys.isEmpty()) {
            throw new IllegalStateException("no gateway key to verify gateway tokens with");
        }
        for (GatewayKey key : gatewayKeys) {
            try {
                verifiers.put(key.id(), new MACVerifier(key.secret()));
            } catch (JOSEException e) {
                throw new IllegalStateException("a gateway key is too short for HS256", e);
            }
        }
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.clock = clock;
    }

    /** The user id the token was issued for; empty when it is not a valid gateway token for this service. */
    public Optional<String> userOf(String token) {
        Instant now = clock.instant();
        String known = verified.get(token, now);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Verified> checked = check(token, now);
        checked.ifPresent(v -> verified.put(token, v.user(), v.until(), now));
        return checked.map(Verified::user);
    }

    /** How many verified tokens are remembered. */
    int remembered() {
        return verified.size();
    }

    private Optional<Verified> check(String token, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            MACVerifier verifier = verifiers.get(jwt.getHeader().getKeyID());
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
