/**
 * Answering, use cases: AnsweringPrompt (one answer, its mailbox, coalescing, retries, watchdogs) and
 * StoppingAnswer, with the ports they need (model provider, answer streams, tasks, outcomes, dead-letter topic).
 */
package io.chatstream.worker.answering.application;
