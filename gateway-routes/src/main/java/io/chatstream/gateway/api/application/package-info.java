/**
 * The API's vocabulary every concept answers in: {@code Outcome} (a value or a {@code Rejection}, never an
 * exception for a business "no") and the error codes the gateway itself produces ({@code GatewayCodes}).
 */
package io.chatstream.gateway.api.application;
