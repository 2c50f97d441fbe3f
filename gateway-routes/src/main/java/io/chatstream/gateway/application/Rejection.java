package io.chatstream.gateway.application;

/**
 * Why a call was not carried out: an application error code (the {@code chat-error-code} of the
 * services, or one of {@link GatewayCodes}) and a message that is safe to show to the user.
 */
public record Rejection(String code, String message) {
}
