/**
 * Application layer of ModelInferenceContext: one class per use case (answering, stopping) and
 * the ports they need (model provider, answer streams, outcomes); framework-free.
 */
package io.chatstream.worker.application;
