/**
 * Following an answer as it is generated: confirming an unknown request id with the command service, and
 * resuming a stream that broke off after the last event the reader saw. Framework-free; nothing blocks a thread.
 */
package io.chatstream.gateway.streaming.application;
