package io.chatstream.query.history.domain;

import java.util.Optional;

/** How many items one history page holds: 1..100, 0 meaning the default. */
public record PageSize(int value) {

    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    public PageSize {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("page size out of range: " + value);
        }
    }

    /** Empty when the requested size is not allowed. */
    public static Optional<PageSize> parse(int requested) {
        if (requested == 0) {
            return Optional.of(new PageSize(DEFAULT));
        }
        return requested >= 1 && requested <= MAX ? Optional.of(new PageSize(requested)) : Optional.empty();
    }
}
