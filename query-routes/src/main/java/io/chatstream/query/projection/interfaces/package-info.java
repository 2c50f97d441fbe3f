/** Projection entry points: Kafka event payloads from the projection routes, and the rebuild command.
 *  They turn wire formats into events and call one projection each. */
package io.chatstream.query.projection.interfaces;
