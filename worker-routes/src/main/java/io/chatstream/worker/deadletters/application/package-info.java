/**
 * Dead letters, use cases: ListingDeadLetters and ReplayingDeadLetters (claim, audit, queue, then the
 * answering use case), with their ports (index, replay claims, replay queue, audit log).
 */
package io.chatstream.worker.deadletters.application;
