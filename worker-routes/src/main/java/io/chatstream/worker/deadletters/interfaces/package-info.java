/**
 * Dead letters, inbound: the ops API's HTTP adapters called by the dlq-ops routes (authentication, input
 * parsing, JSON replies and errors).
 */
package io.chatstream.worker.deadletters.interfaces;
