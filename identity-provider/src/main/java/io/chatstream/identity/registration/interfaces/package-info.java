/**
 * The registration page: form in, use case, page or redirect out.
 */
package io.chatstream.identity.registration.interfaces;
