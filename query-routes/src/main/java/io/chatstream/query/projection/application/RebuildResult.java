package io.chatstream.query.projection.application;

import java.util.List;

/** What a read-model rebuild did. */
public sealed interface RebuildResult {

    /** Nothing was changed, for the reason given. */
    record Refused(String reason) implements RebuildResult {
    }

    /** Views cleared and projections rewound; {@code partial} names partitions retention had already cut. */
    record Rewound(List<String> partial) implements RebuildResult {
    }
}
