package io.chatstream.query.models.application;

import io.chatstream.query.models.domain.ModelCatalog;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Use case: the models people may choose now. Each instance keeps the latest catalog the worker
 * published in memory (the compacted topic is its store: every instance reads it whole at start).
 */
public final class OfferedModels {

    private final AtomicReference<ModelCatalog> current = new AtomicReference<>(ModelCatalog.NONE);

    /** The latest catalog; {@link ModelCatalog#NONE} before the first one arrived. */
    public ModelCatalog current() {
        return current.get();
    }

    /** A newer catalog replaces the one before (the topic has one key, so they arrive in order). */
    public void replaceWith(ModelCatalog catalog) {
        current.set(catalog);
    }
}
