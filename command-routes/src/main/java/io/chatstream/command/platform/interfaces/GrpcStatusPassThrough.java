package io.chatstream.command.platform.interfaces;

import io.chatstream.contracts.ErrorCodes;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * camel-grpc 4.17 answers every failed exchange with {@code Status.INTERNAL} and the exception's
 * message, dropping the status and trailers of a thrown StatusRuntimeException (it only keeps the
 * exception as the local cause). This interceptor, innermost in the service's one interceptor chain
 * (ObservabilityConfiguration), restores them: a StatusRuntimeException in the cause chain is sent as it is; a database outage becomes
 * UNAVAILABLE/DEPENDENCY_UNAVAILABLE; anything else INTERNAL without internal details.
 */
public class GrpcStatusPassThrough implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcStatusPassThrough.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (status.isOk() || status.getCause() == null) {
                    super.close(status, trailers);
                    return;
                }
                Throwable cause = status.getCause();
                StatusRuntimeException intended = find(cause, StatusRuntimeException.class);
                if (intended != null) {
                    Metadata merged = new Metadata();
                    merged.merge(trailers);
                    if (intended.getTrailers() != null) {
                        merged.merge(intended.getTrailers());
                    }
                    super.close(intended.getStatus().withCause(null), merged);
                } else if (dependencyDown(cause)) {
                    LOG.warn("gRPC {} failed, a dependency is unavailable: {}",
                            call.getMethodDescriptor().getFullMethodName(), cause.toString());
                    super.close(Status.UNAVAILABLE.withDescription("a dependency is unavailable, try again later"),
                            trailer(trailers, ErrorCodes.DEPENDENCY_UNAVAILABLE));
                } else {
                    LOG.error("gRPC {} failed", call.getMethodDescriptor().getFullMethodName(), cause);
                    super.close(Status.INTERNAL.withDescription("internal error"), trailers);
                }
            }
        }, headers);
    }

    private static boolean dependencyDown(Throwable cause) {
        return find(cause, CannotGetJdbcConnectionException.class) != null
                || find(cause, CannotCreateTransactionException.class) != null
                || find(cause, TransientDataAccessException.class) != null
                || find(cause, NonTransientDataAccessResourceException.class) != null
                || (find(cause, DataAccessException.class) == null && find(cause, SQLException.class) != null);
    }

    private static Metadata trailer(Metadata trailers, String code) {
        Metadata merged = new Metadata();
        merged.merge(trailers);
        merged.put(ErrorCodes.TRAILER, code);
        return merged;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
