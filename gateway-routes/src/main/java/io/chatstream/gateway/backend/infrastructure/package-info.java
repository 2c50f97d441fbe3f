/**
 * gRPC clients of the command and query services (the ports' adapters): deadlines, caller metadata, the
 * translation of proto messages and error trailers into plain values, and the channels to every instance
 * (load balancing, retries, the {@code static:} resolver, readiness).
 */
package io.chatstream.gateway.backend.infrastructure;
