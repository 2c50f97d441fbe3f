/**
 * Service identity between the gateway and the services it calls (issue 17): the gateway signs a short-lived
 * token per user and service ({@link GatewayTokens}), command and query accept a gRPC call only with one that
 * verifies and names the user the request is for ({@link GatewayIdentityInterceptor}).
 */
package io.chatstream.support.identity;
