/**
 * The JSON API beans called by the REST DSL routes, the error-code-to-HTTP table and the body limit.
 * Each bean method: read the request, call one use case, write the reply.
 */
package io.chatstream.gateway.api.interfaces.http;
