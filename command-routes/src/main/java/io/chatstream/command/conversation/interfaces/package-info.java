/**
 * Inbound adapters of the conversation: gRPC calls and {@code chat.answer.completed} payloads turned into use-case
 * calls (called by the Camel routes in {@code camel/*.camel.yaml}) and results back into wire replies.
 */
package io.chatstream.command.conversation.interfaces;
