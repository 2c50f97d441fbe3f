package io.chatstream.command.domain;

/** Whether a session still takes prompts. */
public enum SessionState { ACTIVE, ARCHIVED }
