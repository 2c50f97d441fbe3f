/**
 * The SSE adapter: a Spring MVC SseEmitter fed by the async gRPC answer stream.
 * Holds no thread per reader and cancels the upstream call when the reader leaves.
 */
package io.chatstream.gateway.api.interfaces.sse;
