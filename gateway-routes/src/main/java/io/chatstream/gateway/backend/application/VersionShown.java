package io.chatstream.gateway.backend.application;

/** The command service's answer to "show this version": the session, and the prompt its shown branch now ends with. */
public record VersionShown(String sessionId, String headRequestId) {
}
