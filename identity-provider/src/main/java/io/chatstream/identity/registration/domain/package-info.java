/**
 * What a new account must look like (username, password), decided without any framework. JDK only.
 */
package io.chatstream.identity.registration.domain;
