package io.chatstream.gateway.backend.infrastructure;

import io.grpc.LoadBalancerRegistry;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a channel spreads calls over a service's instances and repeats the calls that are safe to repeat:
 * grpc-java's service config (load balancing policy, retry policy), built from the {@code chat.grpc.*}
 * settings. Every attempt of a call shares the call's one deadline.
 *
 * @param loadBalancing a grpc-java load balancing policy: round_robin (every connected instance in turn) or pick_first
 * @param maxAttempts attempts of a retryable call, 1 (never repeated) to 5 (grpc-java's limit)
 * @param initialBackoff the first retry waits a random time up to this; each next one up to twice as long
 * @param maxBackoff the longest a retry waits
 */
record ChannelPolicy(String loadBalancing, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** grpc-java caps maxAttempts at this (ManagedChannelBuilder.maxRetryAttempts default). */
    static final int MOST_ATTEMPTS = 5;

    /**
     * Retried: the instance is down, stopping or unreachable (UNAVAILABLE), or it stopped with the call in
     * flight: camel-grpc stops its server with grpc-java's shutdownNow, which resets open streams, and the
     * client sees CANCELLED (LoadBalancingTest). A call the gateway itself cancels is never retried.
     */
    static final List<Status.Code> RETRYABLE = List.of(Status.Code.UNAVAILABLE, Status.Code.CANCELLED);

    ChannelPolicy {
        if (LoadBalancerRegistry.getDefaultRegistry().getProvider(loadBalancing) == null) {
            throw new IllegalArgumentException("chat.grpc.load-balancing-policy='" + loadBalancing
                    + "' is not a grpc-java load balancing policy (round_robin or pick_first)");
        }
        if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("chat.grpc.retry.max-attempts=" + maxAttempts + " must be 1 to " + MOST_ATTEMPTS);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("chat.grpc.retry.initial-backoff=" + initialBackoff
                    + " must be positive and at most chat.grpc.retry.max-backoff=" + maxBackoff);
        }
    }

    /** The service config of a channel whose {@code retryable} methods may be repeated (all unary). */
    Map<String, Object> serviceConfig(List<MethodDescriptor<?, ?>> retryable) {
        Map<String, Object> balancing = Map.of("loadBalancingConfig", List.of(Map.of(loadBalancing, Map.of())));
        if (maxAttempts == 1 || retryable.isEmpty()) {
            return balancing;
        }
        Map<String, Object> retryPolicy = Map.of(
                // Numbers are doubles in grpc-java's JSON form of the service config.
                "maxAttempts", (double) maxAttempts,
                "initialBackoff", seconds(initialBackoff),
                "maxBackoff", seconds(maxBackoff),
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", RETRYABLE.stream().map(Status.Code::name).toList());
        List<Map<String, String>> names = retryable.stream().map(ChannelPolicy::name).toList();
        return Map.of("loadBalancingConfig", balancing.get("loadBalancingConfig"),
                "methodConfig", List.of(Map.of("name", names, "retryPolicy", retryPolicy)));
    }

    private static Map<String, String> name(MethodDescriptor<?, ?> method) {
        if (method.getType() != MethodDescriptor.MethodType.UNARY) {
            throw new IllegalArgumentException(method.getFullMethodName() + " streams: it is never retried by policy");
        }
        return Map.of("service", method.getServiceName(), "method", method.getBareMethodName());
    }

    /** The service config's duration form: decimal seconds with an "s". */
    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
