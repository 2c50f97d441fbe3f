/** Projection adapters: the Kafka projection log and positions, the read-model store, the Spring wiring of the
 *  projections and of the rebuild command. */
package io.chatstream.query.projection.infrastructure;
