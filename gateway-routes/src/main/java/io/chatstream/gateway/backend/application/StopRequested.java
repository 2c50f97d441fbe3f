package io.chatstream.gateway.backend.application;

/** The command service's answer to a stop: "cancelling" or "finished". */
public record StopRequested(String requestId, String status) {
}
