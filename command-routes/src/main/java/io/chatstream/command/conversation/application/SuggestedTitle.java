package io.chatstream.command.conversation.application;

/** A title the model suggested for a session ({@code chat.session.titles}), as read from the event. */
public record SuggestedTitle(String sessionId, String userId, String traceId, String title) {
}
