/**
 * Answering, adapters: the prompt and cancel translators, the dispatcher pool with its Kafka offset guard,
 * Redis answer streams and task snapshots, outcome publishing, metrics, and the Spring wiring.
 */
package io.chatstream.worker.answering.infrastructure;
