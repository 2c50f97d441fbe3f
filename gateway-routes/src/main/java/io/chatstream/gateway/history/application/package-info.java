/** Use cases of the caller's history: listing sessions, reading a session's messages, searching messages, renaming and
 *  deleting a session. */
package io.chatstream.gateway.history.application;
