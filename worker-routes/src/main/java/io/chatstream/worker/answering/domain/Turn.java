package io.chatstream.worker.answering.domain;

import java.util.Objects;

/** One message of the conversation the model is asked to continue. */
public record Turn(Role role, String content) {

    public Turn {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
    }

    public static Turn user(String content) {
        return new Turn(Role.USER, content);
    }

    public static Turn assistant(String content) {
        return new Turn(Role.ASSISTANT, content);
    }
}
