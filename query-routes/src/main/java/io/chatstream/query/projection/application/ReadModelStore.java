package io.chatstream.query.projection.application;

/** Port: the read model's tables as a whole. */
public interface ReadModelStore {

    /** Empties every view and the ownership table in one step. */
    void clear();
}
