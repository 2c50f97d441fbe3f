/**
 * The registering use case and its port to the account store. No framework.
 */
package io.chatstream.identity.registration.application;
