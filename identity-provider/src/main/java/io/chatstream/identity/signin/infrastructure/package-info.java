/**
 * Browser sign-in: the form-login security chain for everything outside the protocol endpoints, and the sign-in log.
 */
package io.chatstream.identity.signin.infrastructure;
