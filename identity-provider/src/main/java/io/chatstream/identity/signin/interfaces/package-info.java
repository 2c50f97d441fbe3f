/**
 * The sign-in page.
 */
package io.chatstream.identity.signin.interfaces;
