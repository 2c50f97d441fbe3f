package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failed gRPC call into a rejection the user may see, without leaking internals. */
final class GrpcFailures {

    private static final Logger log = LoggerFactory.getLogger(GrpcFailures.class);

    private GrpcFailures() {
    }

    static Rejection of(Throwable failure, String service) {
        Status status = Status.fromThrowable(failure);
        Status.Code grpc = status.getCode();
        if (grpc == Status.Code.UNAVAILABLE || grpc == Status.Code.DEADLINE_EXCEEDED) {
            log.warn("{} service unreachable: {}", service, grpc);
            return unavailable(service);
        }
        String code = failure instanceof StatusRuntimeException e ? ErrorCodes.codeOf(e) : null;
        if (code != null && !code.isBlank()) {
            // The services promise the description is a safe, human message (see the proto comments).
            String message = status.getDescription() == null ? code : status.getDescription();
            return new Rejection(code, message);
        }
        return switch (grpc) {
            case NOT_FOUND -> new Rejection(GatewayCodes.NOT_FOUND, "not found");
            case INVALID_ARGUMENT, OUT_OF_RANGE -> new Rejection(GatewayCodes.INVALID_FIELD, "invalid request");
            case PERMISSION_DENIED -> new Rejection(GatewayCodes.NOT_FOUND, "not found");
            case UNAUTHENTICATED -> new Rejection(GatewayCodes.UNAUTHENTICATED, "not authenticated");
            case CANCELLED -> new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, service + " call was cancelled");
            default -> {
                log.error("{} service failed without an error code: {} {}", service, grpc, status.getDescription());
                yield new Rejection(GatewayCodes.INTERNAL, "internal error");
            }
        };
    }

    /**
     * Whether a call that the gateway did not cancel broke off for a reason of its connection, not of what was
     * asked: UNAVAILABLE (the instance's process died or its connection was lost, "Network closed for unknown
     * reason"; or it could not reach its own store) or CANCELLED (an instance stopped with grpc-java's
     * shutdownNow(), as camel-grpc stops its server, resets its calls with RST_STREAM CANCEL). Another instance
     * may well carry on. DEADLINE_EXCEEDED is not one: it is the call's own bound.
     */
    static boolean brokeOff(Throwable failure) {
        Status.Code grpc = Status.fromThrowable(failure).getCode();
        return grpc == Status.Code.UNAVAILABLE || grpc == Status.Code.CANCELLED;
    }

    /** What a reader is told when a service cannot be reached (or a call to it could not be kept going). */
    static Rejection unavailable(String service) {
        return new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, service + " service is unavailable, try again shortly");
    }
}
