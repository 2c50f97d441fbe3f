package io.chatstream.query.projection.application;

import java.util.List;

/**
 * Use case: rebuild the read model from the event topics. The views are cleared and the
 * projections rewound to the start of each topic; the next start of the query service replays
 * every retained event (the projections are idempotent and tolerate any order, so the result is
 * the same as the live one). Refused while any query instance still consumes, and, unless
 * allowed, when retention already deleted events: that rebuild would lose history.
 */
public final class RebuildingReadModel {

    private final ReadModelStore store;
    private final ProjectionLog log;

    public RebuildingReadModel(ReadModelStore store, ProjectionLog log) {
        this.store = store;
        this.log = log;
    }

    public RebuildResult rebuild(boolean allowPartial) {
        List<String> active = log.activeGroups();
        if (!active.isEmpty()) {
            return new RebuildResult.Refused("stop every query instance first; consumer groups still active: " + active);
        }
        List<String> truncated = log.truncatedPartitions();
        if (!truncated.isEmpty() && !allowPartial) {
            return new RebuildResult.Refused("retention already deleted events of " + truncated
                    + "; a rebuild would lose that history (allow it with chat.query.rebuild.allow-partial=true)");
        }
        store.clear();
        log.rewind();
        return new RebuildResult.Rewound(truncated);
    }
}
