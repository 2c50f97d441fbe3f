/**
 * JWT resource server (HS256, exp/iss/aud), bearer from header or cookie, JSON 401/403, dev tokens,
 * and the security-aware executor that carries the caller into platform-http routes.
 */
package io.chatstream.gateway.identity.infrastructure;
