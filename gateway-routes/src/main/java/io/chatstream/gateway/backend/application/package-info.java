/**
 * Ports to the services behind the gateway ({@code ChatCommands}: command service, {@code ChatQueries}: query
 * service) and the plain values they answer with: accepted prompts, pages of sessions, messages and search hits,
 * answer events.
 */
package io.chatstream.gateway.backend.application;
