/**
 * Infrastructure layer: gRPC clients of the command and query services, JWT security and the
 * Spring wiring of the use cases.
 */
package io.chatstream.gateway.infrastructure;
