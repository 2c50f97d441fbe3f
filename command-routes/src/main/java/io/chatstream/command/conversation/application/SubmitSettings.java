package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.ContextBudget;
import java.time.Duration;

/**
 * Tunables of submitting: the longest prompt, how long an unanswered turn blocks its session,
 * and how much history travels with a prompt.
 */
public record SubmitSettings(int maxPromptChars, Duration inFlightTimeout, ContextBudget contextBudget,
        long dailyTokenBudget, int maxSessionsPerUser) {

    public SubmitSettings {
        if (dailyTokenBudget < 0) {
            throw new IllegalArgumentException("chat.quota.daily-tokens must be 0 (no budget) or more");
        }
        if (maxSessionsPerUser < 0) {
            throw new IllegalArgumentException("chat.quota.max-sessions-per-user must be 0 (no cap) or more");
        }
    }

    /** No token budget, no session cap. */
    public SubmitSettings(int maxPromptChars, Duration inFlightTimeout, ContextBudget contextBudget) {
        this(maxPromptChars, inFlightTimeout, contextBudget, 0, 0);
    }
}
