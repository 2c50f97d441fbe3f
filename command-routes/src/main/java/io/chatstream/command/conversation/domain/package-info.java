/**
 * Domain of ConversationCommandContext: the ConversationSession aggregate, its UserPrompt entity,
 * value objects and events. Depends on the JDK and the shared kernel only.
 */
package io.chatstream.command.conversation.domain;
