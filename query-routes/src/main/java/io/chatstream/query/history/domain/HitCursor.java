package io.chatstream.query.history.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.query.history.domain.MessageCursor.Role;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Position after a hit in the newest-first search results: the message's created_at, request id and role (an
 * answer before its prompt, as it is newer). Opaque to clients.
 */
public record HitCursor(Instant createdAt, RequestId requestId, Role role) {

    /** The times the read model can hold (DATETIME); a cursor outside them was not made here. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        return Cursors.encode(micros + ":" + requestId.value() + ":" + role.wire());
    }

    /** Empty when {@code token} was not produced by {@link #encode()}. */
    public static Optional<HitCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
                if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                    return Optional.empty();
                }
                return RequestId.parse(parts[1]).flatMap(id -> Role.of(parts[2]).map(r -> new HitCursor(at, id, r)));
            } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        });
    }
}
