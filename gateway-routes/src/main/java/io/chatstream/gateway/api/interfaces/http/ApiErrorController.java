package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: container-level errors (unknown path, wrong method) use the API's JSON shape too.
 * Tomcat accepts requests before Camel has registered the API routes (and after it has removed them, when
 * stopping); a 404 then is "not yet", not "no such thing": it becomes 503 {@code DEPENDENCY_UNAVAILABLE}, so a
 * client retrying a send (same request id) across a gateway restart is never told that an accepted prompt does
 * not exist (found by the fault suite). While starting, {@code /api/} requests do not even get here:
 * {@link ApiStartupFilter} answers them 503 {@code STARTING}. A request
 * refused because every route thread is busy and their queue is full is 503 {@code OVERLOADED}, not a 500
 * (found by the benchmark at 500 concurrent streams). A request the container refused as malformed (400, 413,
 * 415: e.g. a body that cannot be read) gets one INFO line for ops: method, path, status and the exception's type,
 * never its message, which may quote the body.
 */
@RestController
public class ApiErrorController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorController.class);

    private final BooleanSupplier routesStarted;

    @Autowired
    public ApiErrorController(ObjectProvider<CamelContext> camel) {
        this(() -> {
            CamelContext context = camel.getIfAvailable();
            return context != null && context.isStarted();
        });
    }

    ApiErrorController(BooleanSupplier routesStarted) {
        this.routesStarted = routesStarted;
    }

    @RequestMapping("/error")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (rejectedForLackOfThreads(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // The route threads and their queue (spring.task.execution.pool.*) are full: overload, not a bug.
            return ResponseEntity.status(503).contentType(MediaType.APPLICATION_JSON).header("Retry-After", "1")
                    .body(ApiJson.error(new Rejection(GatewayCodes.OVERLOADED, "too busy: try again")));
        }
        if (status == 404 && !routesStarted.getAsBoolean()) {
            return ResponseEntity.status(503).contentType(MediaType.APPLICATION_JSON).header("Retry-After", "1")
                    .body(ApiJson.error(new Rejection(GatewayCodes.DEPENDENCY_UNAVAILABLE, "starting: try again")));
        }
        Rejection rejection = switch (status) {
            case 400 -> new Rejection(GatewayCodes.INVALID_FIELD, "bad request");
            case 401 -> new Rejection(GatewayCodes.UNAUTHENTICATED, "sign in first: a valid token is required");
            case 403 -> new Rejection(GatewayCodes.FORBIDDEN, "not allowed");
            case 404 -> new Rejection(GatewayCodes.NOT_FOUND, "not found");
            case 405 -> new Rejection(GatewayCodes.METHOD_NOT_ALLOWED, "method not allowed");
            case 413 -> new Rejection(GatewayCodes.BODY_TOO_LARGE, "request body too large");
            case 415 -> new Rejection(GatewayCodes.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
            default -> status >= 500 ? new Rejection(GatewayCodes.INTERNAL, "internal error")
                    : new Rejection("HTTP_" + status, "request failed");
        };
        if (status == 400 || status == 413 || status == 415) {
            Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            // An error dispatch keeps the original request's method.
            LOG.info("{} {} refused: {} {}{}", request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status, rejection.code(),
                    error == null ? "" : " (" + error.getClass().getName() + ")");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiJson.error(rejection));
    }

    private static boolean rejectedForLackOfThreads(Object error) {
        for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RejectedExecutionException) {
                return true;
            }
        }
        return false;
    }
}
