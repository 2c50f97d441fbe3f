/**
 * Service identity between the gateway and the services it calls (issue 17, ADR 0016): the gateway signs a
 * short-lived token per user and service with the key it shares with that service ({@link GatewayTokens},
 * {@link GatewayKey}), command and query accept a gRPC call only with one that
 * verifies and names the user the request is for ({@link GatewayIdentityInterceptor}).
 */
package io.chatstream.support.identity;
