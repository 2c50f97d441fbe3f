/** Adapters of ConversationQueryContext: JDBC read models, the Redis stream multiplexer, Spring wiring.
 *  Implements the application ports. */
package io.chatstream.query.infrastructure;
