package io.chatstream.query.projection.application;

import java.util.List;

/** Port: the event topics the projections read, and the projections' positions in them. */
public interface ProjectionLog {

    /** Projection consumer groups that still have members (a query instance is running). */
    List<String> activeGroups();

    /** Partitions (topic-partition) whose oldest events were already deleted by retention. */
    List<String> truncatedPartitions();

    /** Forgets the projections' positions, so they read every topic again from its start. */
    void rewind();
}
