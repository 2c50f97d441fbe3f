package io.chatstream.query.history.application;

import java.util.List;
import java.util.function.Function;

/** Keyset paging: the repository returns one row more than asked, which tells whether a next page exists. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), "");
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
