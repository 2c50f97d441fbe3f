/**
 * Use cases of the conversation, one class each (submitting, cancelling, checking a prompt's status, renaming,
 * deleting, recording answers), orchestrating the domain inside a transaction; the ports they need
 * ({@code Outbox}, {@code OutboxRelayTrigger}, {@code IdempotencyCache}, {@code Transactions}) are interfaces here.
 */
package io.chatstream.command.conversation.application;
