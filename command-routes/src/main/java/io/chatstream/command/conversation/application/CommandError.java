package io.chatstream.command.conversation.application;

/** Why the command side rejects a request; the interface layer maps each to a wire status. */
public enum CommandError {
    PROMPT_EMPTY,
    PROMPT_INVALID,
    PROMPT_TOO_LARGE,
    INVALID_REQUEST_ID,
    INVALID_SESSION_ID,
    INVALID_USER_ID,
    INVALID_TITLE,
    SESSION_NOT_FOUND,
    REQUEST_NOT_FOUND,
    SESSION_BUSY,
    SESSION_ARCHIVED,
    /** The user's answers today used the daily token budget up (chat.quota.daily-tokens). */
    QUOTA_EXCEEDED,
    /** A new session would exceed the sessions one user may keep (chat.quota.max-sessions-per-user). */
    SESSION_LIMIT_REACHED
}
