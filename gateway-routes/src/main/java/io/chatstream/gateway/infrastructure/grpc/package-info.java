/**
 * gRPC clients of the command and query services (the ports' adapters): deadlines, caller metadata,
 * and the translation of proto messages and error trailers into the gateway's plain values.
 */
package io.chatstream.gateway.infrastructure.grpc;
