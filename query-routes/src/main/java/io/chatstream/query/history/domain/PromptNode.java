package io.chatstream.query.history.domain;

import java.util.Objects;

/**
 * Where one prompt of a session sits in its tree: the prompt it follows ({@code parent}, empty for a first
 * turn or unknown) and its turn. Versions of a turn are prompts with one parent.
 */
public record PromptNode(String requestId, String parent, int turn) {

    public PromptNode {
        Objects.requireNonNull(requestId);
        parent = parent == null ? "" : parent;
    }
}
