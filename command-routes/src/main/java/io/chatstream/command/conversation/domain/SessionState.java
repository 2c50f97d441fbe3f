package io.chatstream.command.conversation.domain;

/** Whether a session still takes prompts; DELETED is final and looks like "no such session" to everyone. */
public enum SessionState { ACTIVE, ARCHIVED, DELETED }
