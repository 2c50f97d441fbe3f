package io.chatstream.query.history.application;

import java.util.List;

/** One page of a history and the cursor of the next one (empty when there is none). */
public record Page<T>(List<T> items, String nextCursor) {
}
