package io.chatstream.command.conversation.domain;

import java.util.Objects;

/** One message of an earlier turn, as the model will see it. */
public record ContextTurn(Role role, String content) {

    public enum Role { USER, ASSISTANT }

    public ContextTurn {
        Objects.requireNonNull(role);
        Objects.requireNonNull(content);
    }
}
