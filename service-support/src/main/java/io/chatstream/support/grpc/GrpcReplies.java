package io.chatstream.support.grpc;

import io.chatstream.contracts.ErrorCodes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The one way a service's gRPC method answers, in the command and the query service alike. Their gRPC routes
 * consume with {@code routeControlledStreamObserver=true} and hand the request and the call's observer to one
 * method of the service's gRPC adapter ({@code interfaces}), which computes a {@link GrpcReply} and sends it here:
 * <ul>
 *   <li>an {@link GrpcReply.Answer} is the response, then the end of the call;</li>
 *   <li>a {@link GrpcReply.Refusal} is the call's status with the {@code chat-error-code} trailer, and not logged
 *       (it is the caller's mistake or a rule, not an incident);</li>
 *   <li>an exception is a fault: a dependency that is down (the database, Redis) becomes {@code UNAVAILABLE} with
 *       {@code DEPENDENCY_UNAVAILABLE} and one WARN line; anything else {@code INTERNAL} with a generic message and
 *       the stack trace in the log only.</li>
 * </ul>
 * Why the adapter owns the observer: camel-grpc 4.17 answers a failed exchange with {@code INTERNAL} and drops the
 * status and trailers of whatever was thrown (docs/adr/0013), so nothing may be left for Camel to send.
 */
public final class GrpcReplies {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcReplies.class);

    private GrpcReplies() {
    }

    /**
     * Runs {@code method} and sends what it returns on {@code observer}; a {@code RuntimeException} it throws is sent
     * as a {@link #fault fault}. Never throws, so the call always ends.
     */
    @SuppressWarnings("unchecked")
    public static <R> void send(StreamObserver<?> observer, String rpc, Supplier<GrpcReply<R>> method) {
        StreamObserver<R> out = (StreamObserver<R>) observer;
        GrpcReply<R> reply;
        try {
            reply = method.get();
        } catch (RuntimeException e) {
            out.onError(fault(rpc, e));
            return;
        }
        if (reply instanceof GrpcReply.Answer<R> answer) {
            out.onNext(answer.response());
            out.onCompleted();
        } else {
            GrpcReply.Refusal<R> refusal = (GrpcReply.Refusal<R>) reply;
            out.onError(ErrorCodes.grpcError(refusal.status(), refusal.code(), refusal.message()));
        }
    }

    /**
     * The status a caller gets for {@code failure} in {@code rpc}, logged once: {@code UNAVAILABLE} when a
     * dependency is down, else {@code INTERNAL}. For streaming methods that end a call themselves.
     */
    public static StatusRuntimeException fault(String rpc, Throwable failure) {
        if (dependencyDown(failure)) {
            LOG.warn("gRPC {} failed, a dependency is unavailable: {}", rpc, failure.toString());
            return ErrorCodes.grpcError(Status.Code.UNAVAILABLE, ErrorCodes.DEPENDENCY_UNAVAILABLE,
                    "a dependency is unavailable, try again later");
        }
        LOG.error("gRPC {} failed", rpc, failure);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    /** Ends a call whose method no route serves (a proto method added without its route). */
    public static void unimplemented(StreamObserver<?> observer, String rpc) {
        LOG.error("gRPC {} has no route", rpc);
        observer.onError(Status.UNIMPLEMENTED.withDescription("method not served: " + rpc).asRuntimeException());
    }

    /**
     * A dependency outage, as opposed to a bug: no connection or transaction could be had, a transient data access
     * failure, a resource failure (Redis or the database went away), or a bare driver error.
     */
    static boolean dependencyDown(Throwable failure) {
        return find(failure, CannotCreateTransactionException.class) != null
                || find(failure, TransientDataAccessException.class) != null
                || find(failure, NonTransientDataAccessResourceException.class) != null
                || (find(failure, DataAccessException.class) == null && find(failure, SQLException.class) != null);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
