/**
 * Adapters of the conversation: JDBC {@code Sessions} and {@code Prompts}, the Redis idempotency cache, Spring
 * transactions, and the Spring wiring of the use cases.
 */
package io.chatstream.command.conversation.infrastructure;
