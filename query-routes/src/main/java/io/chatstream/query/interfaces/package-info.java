/** Entry points called by the Camel routes: Kafka event payloads and gRPC ChatQueryService calls.
 *  They translate wire formats to use-case calls and results back to the wire. */
package io.chatstream.query.interfaces;
