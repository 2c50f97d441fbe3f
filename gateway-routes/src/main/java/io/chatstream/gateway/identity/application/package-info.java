/** Who is asking ({@code Caller}) and the development sign-in: issuing an access token and its cookie. */
package io.chatstream.gateway.identity.application;
