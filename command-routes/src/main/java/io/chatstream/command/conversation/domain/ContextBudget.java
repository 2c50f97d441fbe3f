package io.chatstream.command.conversation.domain;

/** How much of a conversation's past is sent with a new prompt. */
public record ContextBudget(int maxTurns, int maxChars) {

    public ContextBudget {
        if (maxTurns < 0 || maxChars < 0) {
            throw new IllegalArgumentException("a context budget cannot be negative");
        }
    }
}
