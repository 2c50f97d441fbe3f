package io.chatstream.benchmarks.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chatstream.support.identity.GatewayKey;
import io.chatstream.support.identity.GatewayTokenVerifier;
import io.chatstream.support.identity.GatewayTokens;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What service identity costs for one gRPC call of a user the gateway has not called for within the token reuse
 * window (every turn of a user who writes about once a minute): the gateway signs a token, the service verifies
 * it. A turn makes two such calls (command, query). {@code gatewayKeysPerService} is the product's code
 * (ADR 0016, HS256 with a key per service); {@code gatewayKeyPair} is the scheme it replaced (ADR 0015, ES256),
 * the same claims signed and checked with the same library, kept as the reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ServiceIdentityCost {

    private static final String TYPE = "chatstream-gateway+jwt";
    private long user;
    private GatewayTokens tokens;
    private GatewayTokenVerifier verifier;
    private ECDSASigner es256Signer;
    private ECDSAVerifier es256Verifier;
    private String es256KeyId;

    @Setup
    public void keys() throws JOSEException {
        SecureRandom random = new SecureRandom();
        GatewayKey command = GatewayKey.generate(random);
        GatewayKey query = GatewayKey.generate(random);
        tokens = new GatewayTokens(Map.of(GatewayTokens.COMMAND_AUDIENCE, command, GatewayTokens.QUERY_AUDIENCE, query),
                Duration.ofSeconds(60), Clock.systemUTC());
        verifier = new GatewayTokenVerifier(List.of(command), GatewayTokens.COMMAND_AUDIENCE, Duration.ofSeconds(30),
                Clock.systemUTC());
        ECKey pair = new ECKeyGenerator(Curve.P_256).generate();
        es256Signer = new ECDSASigner(pair);
        es256Verifier = new ECDSAVerifier(pair.toPublicJWK());
        es256KeyId = pair.computeThumbprint().toString();
    }

    @Benchmark
    public String gatewayKeysPerService() {
        String userId = "user-" + user++;
        return verifier.userOf(tokens.tokenFor(userId, GatewayTokens.COMMAND_AUDIENCE)).orElseThrow();
    }

    @Benchmark
    public String gatewayKeyPair() throws JOSEException, ParseException {
        String userId = "user-" + user++;
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(GatewayTokens.ISSUER)
                .audience(GatewayTokens.COMMAND_AUDIENCE).subject(userId).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(60))).build();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(es256KeyId)
                .type(new JOSEObjectType(TYPE)).build(), claims);
        signed.sign(es256Signer);
        SignedJWT received = SignedJWT.parse(signed.serialize());
        if (!received.verify(es256Verifier)) {
            throw new IllegalStateException("an ES256 token did not verify");
        }
        return received.getJWTClaimsSet().getSubject();
    }
}
