/**
 * The OAuth 2.0 / OpenID Connect side, on Spring Authorization Server: issuer, the one registered client (the
 * gateway), the persisted signing key, access-token claims, authorizations kept in the database.
 */
package io.chatstream.identity.authorization.infrastructure;
