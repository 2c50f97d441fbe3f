package io.chatstream.worker.deadletters.interfaces;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication of the ops API ({@code chat.ops.username} / {@code chat.ops.password}).
 * Without a configured password every call is refused, so a deployment that forgot it is closed,
 * not open. The credentials are compared in constant time and never logged.
 */
public final class OpsGuard {

    /** Exchange property holding the authenticated operator, for the audit log. */
    public static final String ACTOR = "chat.ops.actor";
    private static final Logger LOG = LoggerFactory.getLogger(OpsGuard.class);

    private final byte[] username;
    private final byte[] password;
    private final String name;

    public OpsGuard(String username, String password) {
        this.name = username == null ? "" : username.trim();
        this.username = name.getBytes(StandardCharsets.UTF_8);
        this.password = (password == null ? "" : password).getBytes(StandardCharsets.UTF_8);
        if (this.password.length == 0 || name.isEmpty()) {
            LOG.warn("chat.ops.password (or chat.ops.username) is not set: the ops API (/ops/dlq) refuses every call");
        }
    }

    /** Lets the route go on with {@link #ACTOR} set, or answers 401 and stops it. */
    public void authenticate(Exchange exchange) {
        String header = exchange.getMessage().getHeader("Authorization", String.class);
        if (password.length > 0 && username.length > 0 && matches(header)) {
            exchange.setProperty(ACTOR, name);
            return;
        }
        OpsReplies.error(exchange, 401, "UNAUTHENTICATED", "ops credentials required (HTTP Basic)");
        exchange.getMessage().setHeader("WWW-Authenticate", "Basic realm=\"chatstream-ops\"");
        exchange.setRouteStop(true);
    }

    private boolean matches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = MessageDigest.isEqual(pair.substring(0, colon).getBytes(StandardCharsets.UTF_8), username);
        boolean pass = MessageDigest.isEqual(pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8), password);
        return user & pass;
    }
}
