/**
 * Infrastructure of the whole service, owned by no one concept: the clock bean, and (in {@code observability})
 * traces, metrics and health.
 */
package io.chatstream.command.platform.infrastructure;
