/**
 * Dead letters, adapters: the dead-letter topic writer and reader, the bounded index, Redis replay claims,
 * the paced replay queue, the Kafka audit log, and the Spring wiring.
 */
package io.chatstream.worker.deadletters.infrastructure;
