/**
 * The gRPC server's edge for every method: how a failed call reaches the client (status and
 * {@code chat-error-code} trailer), whatever concept the method belongs to.
 */
package io.chatstream.command.platform.interfaces;
