/**
 * Application layer: one class per use case (submitting, cancelling, recording answers) that
 * orchestrates the domain inside a transaction; ports to the outside are interfaces here.
 */
package io.chatstream.command.application;
