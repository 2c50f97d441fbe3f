/**
 * Domain layer: intentionally empty; the gateway is an anti-corruption layer without a core model.
 * It reuses the shared kernel's identifiers (io.chatstream.domain) instead.
 */
package io.chatstream.gateway.domain;
