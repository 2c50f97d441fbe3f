/** Streaming adapters: the Redis stream multiplexer, request ownerships in MariaDB, ownership signals after commit,
 *  relay traces, and the Spring wiring of streaming and of the gRPC endpoint. */
package io.chatstream.query.streaming.infrastructure;
